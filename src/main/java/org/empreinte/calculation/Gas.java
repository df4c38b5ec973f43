package org.empreinte.calculation;

/**
 * Keys of the per-gas breakdown. {@link #UNSPECIFIED} holds the CO2e of factors whose source
 * publishes a CO2e total only (Canada's electricity consumption intensities, for example).
 */
public final class Gas {
    public static final String CO2 = "CO2";
    public static final String CH4 = "CH4";
    public static final String N2O = "N2O";
    public static final String UNSPECIFIED = "unspecified";

    private Gas() {
    }
}
