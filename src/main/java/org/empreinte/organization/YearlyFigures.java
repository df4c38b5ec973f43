package org.empreinte.organization;

import java.util.OptionalDouble;

import org.jdbi.v3.core.Jdbi;

/**
 * The denominators of intensities. For now the organization's current FTE and annual revenue stand
 * for every year; figures recorded per year will replace them.
 */
public class YearlyFigures implements IntensityDenominators {

    private final OrganizationDao organizationDao;

    public YearlyFigures(Jdbi jdbi) {
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
    }

    @Override
    public OptionalDouble value(long organizationId, int year, String metric) {
        return organizationDao.find(organizationId).map(organization -> switch (metric) {
            case EMPLOYEES -> positive(organization.employees());
            case REVENUE -> organization.annualRevenueCad() == null ? OptionalDouble.empty()
                    : positive(organization.annualRevenueCad() / 1_000_000);
            default -> OptionalDouble.empty();
        }).orElse(OptionalDouble.empty());
    }

    private static OptionalDouble positive(double value) {
        return value > 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
