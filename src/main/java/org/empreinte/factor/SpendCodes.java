package org.empreinte.factor;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The NAICS codes a purchase by amount can be priced with: those of the spend-based factors (NAICS 2017 industries
 * of the United States, as USEEIO publishes them) and of their means over 2 to 5 digits.
 */
public final class SpendCodes {

    private final Set<String> codes;

    private SpendCodes(Set<String> codes) {
        this.codes = codes;
    }

    public static SpendCodes of(FactorLibrary library) {
        return new SpendCodes(library.selector().sets().stream().flatMap(s -> s.factors().stream())
                .filter(f -> "purchase".equals(f.type()) && f.conditions().containsKey("naics"))
                .map(f -> f.conditions().get("naics"))
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean has(String code) {
        return codes.contains(code);
    }

    /**
     * The code itself when it has a factor, or else the longest of its first 5 to 2 digits that has one: a Canadian
     * industry (531111) takes its industry's factor (53111), a class new in 2022 the mean of the coarser code it falls
     * under. Empty when not even its sector has one (Canada's wholesale trade is 41, the United States' 42).
     */
    public Optional<String> nearest(String code) {
        if (code == null || !code.matches("\\d{2,6}")) {
            return Optional.empty();
        }
        for (int length = code.length(); length >= 2; length--) {
            if (codes.contains(code.substring(0, length))) {
                return Optional.of(code.substring(0, length));
            }
        }
        return Optional.empty();
    }
}
