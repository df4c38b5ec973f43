package org.empreinte.organization;

import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/** Organization and site use cases, each write in one transaction. */
public class OrganizationService {

    private final Jdbi jdbi;
    /**
     * DAOs made once: inside {@code jdbi.inTransaction} they run on the transaction's handle (JDBI reuses the
     * thread's open handle). {@code handle.attach} would rebuild the SQL object's metadata on every call
     * in the JDBI the Dropwizard 5.0.0 BOM pins (jdbi/jdbi#2991).
     */
    private final OrganizationDao organizationDao;
    private final Clock clock;
    private final LongConsumer reportingOptionsChanged;

    public OrganizationService(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, organizationId -> { });
    }

    /**
     * @param reportingOptionsChanged computes an organization's activities again when an option that
     *     changes their results (flights with or without radiative forcing) changes; it runs inside
     *     the update's transaction
     */
    public OrganizationService(Jdbi jdbi, Clock clock, LongConsumer reportingOptionsChanged) {
        this.reportingOptionsChanged = reportingOptionsChanged;
        this.jdbi = jdbi;
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.clock = clock;
    }

    public Organization create(OrganizationRequest request) {
        OrganizationRequest valid = request.validated();
        return jdbi.inTransaction(handle -> {
            OrganizationDao dao = organizationDao;
            long id = dao.insert(valid, now());
            return dao.find(id).orElseThrow().withSites(List.of());
        });
    }

    /** Replaces the organization's fields; the flight-reporting option, when left out, stays as it was. */
    public Organization update(long id, OrganizationRequest request) {
        OrganizationRequest checked = request.validated();
        return jdbi.inTransaction(handle -> {
            Organization before = organizationDao.find(id).orElseThrow(() -> new ResourceNotFoundException("organization", id));
            OrganizationRequest valid = checked.includeRadiativeForcing() != null ? checked
                    : new OrganizationRequest(checked.name(), checked.sector(), checked.region(), checked.employees(),
                            checked.annualRevenueCad(), checked.legalForm(), before.includeRadiativeForcing());
            organizationDao.update(id, valid, now());
            if (valid.radiativeForcing() != before.includeRadiativeForcing()) {
                reportingOptionsChanged.accept(id);
            }
            return organizationDao.find(id).orElseThrow().withSites(organizationDao.sites(id));
        });
    }

    public Organization get(long id) {
        return jdbi.withHandle(handle -> {
            OrganizationDao dao = organizationDao;
            Organization organization = dao.find(id).orElseThrow(() -> new ResourceNotFoundException("organization", id));
            return organization.withSites(dao.sites(id));
        });
    }

    public List<Organization> list() {
        return jdbi.withExtension(OrganizationDao.class, OrganizationDao::list);
    }

    public Site createSite(long organizationId, SiteRequest request) {
        SiteRequest valid = request.validated();
        return jdbi.inTransaction(handle -> {
            OrganizationDao dao = organizationDao;
            requireOrganization(dao, organizationId);
            if (dao.siteNamed(organizationId, valid.name()).isPresent()) {
                throw new ValidationException("name", "a site with this name already exists", "error_site_exists");
            }
            long id = dao.insertSite(organizationId, valid);
            return dao.site(organizationId, id).orElseThrow();
        });
    }

    public Site updateSite(long organizationId, long siteId, SiteRequest request) {
        SiteRequest valid = request.validated();
        return jdbi.inTransaction(handle -> {
            OrganizationDao dao = organizationDao;
            requireOrganization(dao, organizationId);
            dao.siteNamed(organizationId, valid.name()).filter(s -> s.id() != siteId).ifPresent(s -> {
                throw new ValidationException("name", "a site with this name already exists", "error_site_exists");
            });
            if (dao.updateSite(organizationId, siteId, valid) == 0) {
                throw new ResourceNotFoundException("site", siteId);
            }
            return dao.site(organizationId, siteId).orElseThrow();
        });
    }

    public void deleteSite(long organizationId, long siteId) {
        jdbi.useTransaction(handle -> {
            OrganizationDao dao = organizationDao;
            requireOrganization(dao, organizationId);
            dao.site(organizationId, siteId).orElseThrow(() -> new ResourceNotFoundException("site", siteId));
            if (dao.activitiesAtSite(siteId) > 0) {
                throw new ValidationException("site", "the site still has activities; move or delete them first", "error_site_in_use");
            }
            dao.deleteSite(organizationId, siteId);
        });
    }

    public List<Site> sites(long organizationId) {
        return jdbi.withHandle(handle -> {
            OrganizationDao dao = organizationDao;
            requireOrganization(dao, organizationId);
            return dao.sites(organizationId);
        });
    }

    static void requireOrganization(OrganizationDao dao, long organizationId) {
        if (dao.find(organizationId).isEmpty()) {
            throw new ResourceNotFoundException("organization", organizationId);
        }
    }

    private String now() {
        return clock.instant().toString();
    }
}
