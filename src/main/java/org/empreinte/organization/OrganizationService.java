package org.empreinte.organization;

import java.time.Clock;
import java.util.List;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;

import org.empreinte.web.Paging;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/** Organization and site use cases, each write in one unit of work. */
public class OrganizationService {

    private final Jdbi jdbi;
    /**
     * DAOs made once: inside {@code jdbi.inTransaction} they run on the transaction's handle (JDBI reuses the
     * thread's open handle). {@code handle.attach} would rebuild the SQL object's metadata on every call
     * in the JDBI the Dropwizard 5.0.0 BOM pins (jdbi/jdbi#2991).
     */
    private final OrganizationDao organizationDao;
    private final Clock clock;
    private final ActivityRecompute recompute;
    private final OrganizationAccess access;
    private final UnitOfWork units;

    /**
     * @param recompute computes an organization's activities again when what their results depend on changes
     * @param access which organizations a person may see
     */
    public OrganizationService(Jdbi jdbi, UnitOfWork units, Clock clock, ActivityRecompute recompute,
            OrganizationAccess access) {
        this.recompute = recompute;
        this.access = access;
        this.units = units;
        this.jdbi = jdbi;
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.clock = clock;
    }

    public Organization create(OrganizationRequest request) {
        return create(request, null);
    }

    /** Replaces the organization's fields; the flight-reporting option, when left out, stays as it was. */
    public Organization update(long id, OrganizationRequest request) {
        OrganizationRequest checked = request.validated();
        return units.write(id, changes -> {
            Organization before = organizationDao.require(id);
            OrganizationRequest valid = checked.includeRadiativeForcing() != null ? checked
                    : new OrganizationRequest(checked.name(), checked.sector(), checked.region(), checked.employees(),
                            checked.annualRevenueCad(), checked.legalForm(), before.includeRadiativeForcing());
            organizationDao.update(id, valid, now());
            changes.record("organization", id, AuditTrail.UPDATE, before, organizationDao.find(id).orElseThrow());
            boolean regionChanged = !valid.region().equals(before.region());
            if (regionChanged || valid.radiativeForcing() != before.includeRadiativeForcing()) {
                recomputeOrRefuse(id, regionChanged ? "region" : "includeRadiativeForcing");
            }
            return organizationDao.find(id).orElseThrow().withSites(organizationDao.sites(id));
        });
    }

    public Organization get(long id) {
        return jdbi.withHandle(handle -> {
            OrganizationDao dao = organizationDao;
            Organization organization = dao.require(id);
            return organization.withSites(dao.sites(id));
        });
    }

    public List<Organization> list() {
        return jdbi.withExtension(OrganizationDao.class, OrganizationDao::list);
    }

    /** The organizations {@code who} may see. */
    public List<Organization> list(java.security.Principal who) {
        java.util.Set<Long> visible = access.visible(who);
        return visible == null ? list() : list().stream().filter(o -> visible.contains(o.id())).toList();
    }

    /** A page of the organizations {@code who} may see, by name then id. */
    public Paging.Slice<Organization> page(java.security.Principal who, Paging paging) {
        java.util.Set<Long> visible = access.visible(who);
        return paging.byName(organizationDao::listAfter, o -> visible == null || visible.contains(o.id()), Organization::name,
                Organization::id);
    }

    /** Creates an organization whose first editor is {@code who}. */
    public Organization create(OrganizationRequest request, java.security.Principal who) {
        OrganizationRequest valid = request.validated();
        return units.create(changes -> {
            long id = organizationDao.insert(valid, now());
            changes.created(id);
            access.created(id, who);
            Organization created = organizationDao.find(id).orElseThrow().withSites(List.of());
            changes.record("organization", id, AuditTrail.CREATE, null, created);
            return created;
        });
    }

    public Site createSite(long organizationId, SiteRequest request) {
        SiteRequest valid = request.validated();
        return units.write(organizationId, changes -> {
            OrganizationDao dao = organizationDao;
            if (dao.siteNamed(organizationId, valid.name()).isPresent()) {
                throw new ValidationException("name", "a site with this name already exists", "error_site_exists");
            }
            long id = dao.insertSite(organizationId, valid);
            Site site = dao.site(organizationId, id).orElseThrow();
            changes.record("site", id, AuditTrail.CREATE, null, site);
            return site;
        });
    }

    public Site updateSite(long organizationId, long siteId, SiteRequest request) {
        SiteRequest valid = request.validated();
        return units.write(organizationId, changes -> {
            OrganizationDao dao = organizationDao;
            dao.siteNamed(organizationId, valid.name()).filter(s -> s.id() != siteId).ifPresent(s -> {
                throw new ValidationException("name", "a site with this name already exists", "error_site_exists");
            });
            Site before = dao.site(organizationId, siteId).orElseThrow(() -> new ResourceNotFoundException("site", siteId));
            dao.updateSite(organizationId, siteId, valid);
            changes.record("site", siteId, AuditTrail.UPDATE, before, dao.site(organizationId, siteId).orElseThrow());
            if (!before.region().equals(valid.region())) {
                recomputeOrRefuse(organizationId, "region");
            }
            return dao.site(organizationId, siteId).orElseThrow();
        });
    }

    public void deleteSite(long organizationId, long siteId) {
        units.run(organizationId, changes -> {
            OrganizationDao dao = organizationDao;
            dao.site(organizationId, siteId).orElseThrow(() -> new ResourceNotFoundException("site", siteId));
            if (dao.activitiesAtSite(siteId) > 0) {
                throw new ValidationException("site", "the site still has activities; move or delete them first", "error_site_in_use");
            }
            Site before = dao.site(organizationId, siteId).orElseThrow();
            dao.deleteSite(organizationId, siteId);
            changes.record("site", siteId, AuditTrail.DELETE, before, null);
        });
    }

    public List<Site> sites(long organizationId) {
        return jdbi.withHandle(handle -> {
            OrganizationDao dao = organizationDao;
            dao.require(organizationId);
            return dao.sites(organizationId);
        });
    }

    /** Stored results follow the change; if some activity would find no factor, the change is refused whole. */
    private void recomputeOrRefuse(long organizationId, String field) {
        List<String> failures = recompute.recompute(organizationId);
        if (!failures.isEmpty()) {
            throw new ValidationException(field, "this change would leave " + failures.size()
                    + " activities without an emission factor, for example " + failures.get(0), "error_recompute_failed",
                    failures.size());
        }
    }

    private String now() {
        return clock.instant().toString();
    }
}
