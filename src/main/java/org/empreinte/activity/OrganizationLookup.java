package org.empreinte.activity;

import java.util.Optional;

import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.organization.Site;

/** What preparing an activity reads of its organization: the organization itself and its sites. */
interface OrganizationLookup {

    Optional<Organization> find(long organizationId);

    Optional<Site> site(long organizationId, long siteId);

    Optional<Site> siteNamed(long organizationId, String name);

    static OrganizationLookup of(OrganizationDao dao) {
        return new OrganizationLookup() {
            @Override
            public Optional<Organization> find(long organizationId) {
                return dao.find(organizationId);
            }

            @Override
            public Optional<Site> site(long organizationId, long siteId) {
                return dao.site(organizationId, siteId);
            }

            @Override
            public Optional<Site> siteNamed(long organizationId, String name) {
                return dao.siteNamed(organizationId, name);
            }
        };
    }
}
