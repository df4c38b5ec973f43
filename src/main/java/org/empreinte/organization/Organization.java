package org.empreinte.organization;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An organization as the API returns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Organization(
        long id,
        String name,
        String sector,
        String region,
        double employees,
        Double annualRevenueCad,
        String legalForm,
        boolean includeRadiativeForcing,
        String createdAt,
        String updatedAt,
        List<Site> sites) {

    public Organization withSites(List<Site> sites) {
        return new Organization(id, name, sector, region, employees, annualRevenueCad, legalForm, includeRadiativeForcing,
                createdAt, updatedAt, sites);
    }
}
