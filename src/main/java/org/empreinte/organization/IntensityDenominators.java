package org.empreinte.organization;

import java.util.OptionalDouble;

/**
 * What an organization's emissions are divided by to give an intensity, year by year: its full-time
 * equivalents, its revenue in millions of Canadian dollars, or a denominator it defines (members,
 * meals served, volunteer hours: what a social-economy enterprise counts).
 */
public interface IntensityDenominators {

    /** Full-time equivalents. */
    String EMPLOYEES = "employees";
    /** Revenue in millions of Canadian dollars. */
    String REVENUE = "revenue";

    /**
     * The value of {@code metric} ({@link #EMPLOYEES}, {@link #REVENUE} or the key of a denominator the
     * organization defined) for the organization in {@code year}; empty when it is not known or is zero.
     */
    OptionalDouble value(long organizationId, int year, String metric);
}
