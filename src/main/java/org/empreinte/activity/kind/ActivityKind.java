package org.empreinte.activity.kind;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.empreinte.calculation.EmissionCalculator;
import org.empreinte.calculation.EmissionLine;
import org.empreinte.calculation.EmissionLines;
import org.empreinte.calculation.EmissionResult;
import org.empreinte.calculation.FactorSelector;
import org.empreinte.calculation.Period;
import org.empreinte.web.Messages;
import org.empreinte.web.ValidationException;

/**
 * What one type of activity is: its attributes, its units, how an entry becomes the quantities the calculation
 * core prices, where it sits in the form, its label. Everything that reads or writes an activity (the API, the
 * form, the CSV columns, the action plan's estimates) asks the kind through {@link ActivityKinds}: a new type
 * is one class registered there, and its tests.
 */
public interface ActivityKind {

    /** The {@code type} of the API, the CSV and the form. */
    String type();

    default Group group() {
        return Group.NONE;
    }

    /** The attributes it reads, in the order of their columns and fields. */
    default List<Attribute> attributes() {
        return List.of();
    }

    /** Whether the library loaded can price it: by default, when the library has factors of its type. */
    default boolean available(Set<String> factorTypes) {
        return factorTypes.contains(type());
    }

    /** Factor types that exist only to serve this kind and cannot be logged themselves. */
    default Set<String> servedFactorTypes() {
        return Set.of();
    }

    /** The units a person can enter, for forms and refusals; by default those its factors accept. */
    default List<String> units(FactorSelector selector) {
        return selector.acceptedUnits(type());
    }

    /** False when the quantity may be derived from the attributes instead (a flight's airports). */
    default boolean quantityRequired() {
        return true;
    }

    /** The quantities to price. Refusals name the attribute at fault ({@code attributes.fuel}). */
    default Measure measure(Entry entry) {
        return entry.entered();
    }

    /**
     * The activity's emission lines, its direct one ({@code direct}, its own factor's result) first. By default the
     * core's rules for its own factor type ({@link EmissionLines}: a fuel's upstream, electricity's generation and
     * losses); an activity priced by another type's factor or counted in another scope and category (an electric
     * car's trip is business travel) keeps its direct line alone.
     */
    default List<EmissionLine> lines(EmissionCalculator calculator, Measure measure, String type, Period period,
            String region, EmissionResult direct) {
        if (measure.factorType() != null || measure.scope() != null || measure.category() != null) {
            return List.of(EmissionLine.of(EmissionLine.DIRECT, direct));
        }
        return EmissionLines.of(calculator, type, measure.factorQuantity(), measure.factorUnit(), period, region, direct,
                measure.criteria() == null ? Map.of() : measure.criteria());
    }

    /**
     * True when a stored quantity was derived rather than entered: what rebuilds the activity as logged (a
     * recomputation, an export) leaves it out, or the activity would be refused for giving both.
     */
    default boolean quantityIsDerived(Map<String, Object> attributes) {
        return false;
    }

    /**
     * The attributes as stored and priced: what a person may write several ways (a city for its airport, a country's
     * name for its code) in the one form the API documents; refused, naming the attribute, when it cannot be. Called
     * before {@link #measure} with a copy the kind may change.
     */
    default Map<String, Object> canonical(Map<String, Object> attributes) {
        return attributes;
    }

    /** The attributes read from a form, before {@link #measure}: where a checkbox left unticked means something. */
    default Map<String, Object> fromForm(Map<String, Object> attributes) {
        return attributes;
    }

    /** No factor fits: name what the person can change, which for some kinds is an attribute, not the region. */
    default ValidationException noFactor(String message, String region) {
        return new ValidationException("region", message, "error_no_factor_region", region);
    }

    /**
     * What a stored result's reader should know of how it was reached that its factor does not say (a purchase's
     * taxes taken out, the price index of an earlier year); null when nothing. Read from the activity as logged.
     */
    default String resultNote(Map<String, Object> attributes, Period period, String region, String unit) {
        return null;
    }

    default String label(Messages messages) {
        return messages.labelOr("type_", type());
    }
}
