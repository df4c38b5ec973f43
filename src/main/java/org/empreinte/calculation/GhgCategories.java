package org.empreinte.calculation;

import java.util.Map;
import java.util.Optional;

/**
 * The GHG Protocol's scope 3 categories (Corporate Value Chain Standard, categories 1 to 15) of
 * the factor categories Empreinte uses; scope 1 and 2 categories have none.
 */
public final class GhgCategories {

    private static final Map<String, Integer> SCOPE3 = Map.of(
            "purchased_goods", 1,
            "capital_goods", 2,
            "fuel_energy", 3,
            "upstream_transport", 4,
            "waste", 5,
            "business_travel", 6,
            "employee_commuting", 7);

    private GhgCategories() {
    }

    /** The scope 3 category number of a factor category, if it is a scope 3 one. */
    public static Optional<Integer> scope3(String category) {
        return Optional.ofNullable(SCOPE3.get(category));
    }
}
