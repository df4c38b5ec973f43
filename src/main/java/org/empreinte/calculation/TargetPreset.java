package org.empreinte.calculation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Ready-made reduction rates for a target. Both are the cross-sector absolute-contraction rates of the
 * Science Based Targets initiative: a linear cut each year of a fixed share of the base year's emissions
 * (SBTi Corporate Net-Zero Standard and Target Validation Protocol: 4.2 % a year for 1.5 °C, 2.5 % a
 * year for well below 2 °C). Linear of the base, not compound: 2019 to 2030 at 4.2 % is 11 x 4.2 = 46.2 %.
 */
public enum TargetPreset {

    SBTI_1_5C("sbti_1_5c", 4.2),
    WELL_BELOW_2C("well_below_2c", 2.5);

    private final String key;
    private final double percentOfBasePerYear;

    TargetPreset(String key, double percentOfBasePerYear) {
        this.key = key;
        this.percentOfBasePerYear = percentOfBasePerYear;
    }

    public String key() {
        return key;
    }

    public double percentOfBasePerYear() {
        return percentOfBasePerYear;
    }

    /** The reduction the preset asks for between the two years, at most 100 %. */
    public double reductionPercent(int baseYear, int targetYear) {
        if (targetYear <= baseYear) {
            throw new IllegalArgumentException("the target year must follow the base year");
        }
        return Math.min(100, percentOfBasePerYear * (targetYear - baseYear));
    }

    public static Optional<TargetPreset> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
