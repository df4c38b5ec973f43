package org.empreinte.calculation;

import java.util.List;

/** No factor fits an activity: the type is unknown, the unit does not fit it, or no region matches. */
public class FactorSelectionException extends RuntimeException {

    public enum Reason { UNKNOWN_TYPE, UNIT_NOT_APPLICABLE, NO_FACTOR_FOR_REGION }

    private final Reason reason;
    private final List<String> acceptedUnits;

    public FactorSelectionException(Reason reason, String message, List<String> acceptedUnits) {
        super(message);
        this.reason = reason;
        this.acceptedUnits = List.copyOf(acceptedUnits);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> acceptedUnits() {
        return acceptedUnits;
    }
}
