package org.empreinte.activity.kind;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.factor.FactorLibrary;

/**
 * Energy recovered from two published factors: DESNZ prices an electric car per km and home-working per hour
 * with the UK grid or natural gas; dividing by that factor gives back the energy, which then takes the factor
 * of the activity's own region or energy.
 */
final class LibraryRatios {

    private LibraryRatios() {
    }

    static Optional<EmissionFactor> factor(FactorLibrary library, String type, String region, Map<String, String> conditions,
            MeasurementUnit unit) {
        return library.sets().stream().flatMap(s -> s.factors().stream())
                .filter(f -> f.type().equals(type) && f.region().equals(region) && f.conditions().equals(conditions)
                        && f.unit().isCommensurableWith(unit))
                .findFirst();
    }

    static OptionalDouble ratio(Optional<EmissionFactor> numerator, Optional<EmissionFactor> denominator) {
        return numerator.isPresent() && denominator.isPresent()
                ? OptionalDouble.of(numerator.get().co2ePerUnit() / denominator.get().co2ePerUnit())
                : OptionalDouble.empty();
    }
}
