package org.empreinte.organization;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;

import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/**
 * What reports read beside the activities: the figures of each year (the denominators of
 * intensities) and the electricity contracts of market-based scope 2.
 */
public class YearlyFigures implements IntensityDenominators {

    private final UnitOfWork units;
    private final Clock clock;
    private final OrganizationDao organizationDao;
    private final ReportInputsDao dao;

    public YearlyFigures(Jdbi jdbi, UnitOfWork units, Clock clock) {
        this.units = units;
        this.clock = clock;
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.dao = jdbi.onDemand(ReportInputsDao.class);
    }

    /**
     * A year's own figure when recorded, else the organization's profile for FTE and revenue: the
     * profile says what they are now, which a report marks as such (see {@link #recorded}).
     */
    @Override
    public OptionalDouble value(long organizationId, int year, String metric) {
        Organization organization = organizationDao.find(organizationId).orElse(null);
        if (organization == null) {
            return OptionalDouble.empty();
        }
        return value(organization, dao.year(organizationId, year).orElse(null), metric);
    }

    /** {@link #value(long, int, String)} from the organization and the year's figures already read (null when none). */
    public static OptionalDouble value(Organization organization, YearFigures figures, String metric) {
        return switch (metric) {
            case EMPLOYEES -> positive(figures != null && figures.employees() != null ? figures.employees()
                    : organization.employees());
            case REVENUE -> {
                Double revenue = figures != null && figures.revenueCad() != null ? figures.revenueCad()
                        : organization.annualRevenueCad();
                yield revenue == null ? OptionalDouble.empty() : positive(revenue / 1_000_000);
            }
            default -> figures != null && figures.customValue() != null && metric.equals(customKey(figures.customLabel()))
                    ? positive(figures.customValue()) : OptionalDouble.empty();
        };
    }

    /** The figures recorded for a year, if any. */
    public Optional<YearFigures> recorded(long organizationId, int year) {
        return dao.year(organizationId, year);
    }

    /** The key a custom denominator is asked by: its label, lower-case and trimmed. */
    public static String customKey(String label) {
        return label == null ? null : label.strip().toLowerCase(Locale.ROOT);
    }

    public List<YearFigures> years(long organizationId) {
        organizationDao.require(organizationId);
        return dao.years(organizationId);
    }

    public YearFigures putYear(long organizationId, int year, YearFigures request) {
        YearFigures valid = request.validated(year);
        return units.write(organizationId, changes -> {
            YearFigures before = dao.year(organizationId, year).orElse(null);
            dao.deleteYear(organizationId, valid);
            dao.insertYear(organizationId, valid, clock.instant().toString());
            YearFigures after = dao.year(organizationId, year).orElseThrow();
            changes.record("year_figures", (long) year, before == null ? AuditTrail.CREATE : AuditTrail.UPDATE, before, after);
            return after;
        });
    }

    public List<ElectricityContract> contracts(long organizationId) {
        organizationDao.require(organizationId);
        return dao.contracts(organizationId);
    }

    /** {@link #contracts} of an organization its caller has just read (a report): no second read of it. */
    public List<ElectricityContract> contractsOfExisting(long organizationId) {
        return dao.contracts(organizationId);
    }

    public ElectricityContract addContract(long organizationId, ElectricityContract request) {
        ElectricityContract valid = request.validated();
        return units.write(organizationId, changes -> {
            if (valid.siteId() != null && organizationDao.site(organizationId, valid.siteId()).isEmpty()) {
                throw new ValidationException("siteId", "this organization has no site " + valid.siteId(), "error_site_unknown",
                        valid.siteId());
            }
            long id = dao.insertContract(organizationId, valid, clock.instant().toString());
            ElectricityContract created = new ElectricityContract(id, valid.siteId(), valid.kind(), valid.co2eKgPerKwh(),
                    valid.fromYear(), valid.toYear(), valid.description());
            changes.record("electricity_contract", id, AuditTrail.CREATE, null, created);
            return created;
        });
    }

    public void deleteContract(long organizationId, long contractId) {
        units.run(organizationId, changes -> {
            ElectricityContract before = dao.contracts(organizationId).stream().filter(c -> c.id() != null && c.id() == contractId).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException("electricity contract", contractId));
            dao.deleteContract(organizationId, contractId);
            changes.record("electricity_contract", contractId, AuditTrail.DELETE, before, null);
        });
    }

    private static OptionalDouble positive(double value) {
        return value > 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
