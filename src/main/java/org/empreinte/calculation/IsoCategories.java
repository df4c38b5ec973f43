package org.empreinte.calculation;

import java.util.Optional;

/**
 * ISO 14064-1:2018's six categories, as an alternative grouping of the same emissions:
 * 1 direct (scope 1), 2 imported energy (scope 2), 3 transportation, 4 products the organization
 * uses, 5 use of its products, 6 other sources. The standard maps no GHG Protocol category to them;
 * Empreinte's mapping is the usual one: transport categories 4, 6, 7 and 9 go to 3; purchases,
 * capital goods, fuel and energy upstream, waste and upstream leased assets (1, 2, 3, 5, 8) to 4;
 * the downstream use, end of life and leased assets of sold products (10 to 13) to 5; franchises
 * and investments (14, 15) to 6.
 */
public final class IsoCategories {

    private IsoCategories() {
    }

    /** The ISO 14064-1 category of an activity's scope and factor category; empty for an unknown scope. */
    public static Optional<Integer> of(int scope, String category) {
        if (scope == 1) {
            return Optional.of(1);
        }
        if (scope == 2) {
            return Optional.of(2);
        }
        if (scope != 3) {
            return Optional.empty();
        }
        return GhgCategories.scope3(category).map(IsoCategories::ofScope3);
    }

    static int ofScope3(int ghgCategory) {
        return switch (ghgCategory) {
            case 4, 6, 7, 9 -> 3;
            case 1, 2, 3, 5, 8 -> 4;
            case 10, 11, 12, 13 -> 5;
            default -> 6;
        };
    }
}
