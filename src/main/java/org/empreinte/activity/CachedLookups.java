package org.empreinte.activity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.empreinte.organization.Organization;
import org.empreinte.organization.Site;

/**
 * The organization and its sites as the rows of one file look them up, each read once: a file of
 * 100,000 bills at one site asks the database once, not 100,000 times. Only reads are answered.
 */
final class CachedLookups implements OrganizationLookup {

    private final OrganizationLookup delegate;
    private final Map<Long, Optional<Organization>> organizations = new HashMap<>();
    private final Map<String, Optional<Site>> sites = new HashMap<>();

    CachedLookups(OrganizationLookup delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Organization> find(long id) {
        return organizations.computeIfAbsent(id, delegate::find);
    }

    @Override
    public Optional<Site> site(long organizationId, long id) {
        return sites.computeIfAbsent(organizationId + "#" + id, k -> delegate.site(organizationId, id));
    }

    @Override
    public Optional<Site> siteNamed(long organizationId, String name) {
        return sites.computeIfAbsent(organizationId + "@" + name, k -> delegate.siteNamed(organizationId, name));
    }
}
