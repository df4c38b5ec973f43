package org.empreinte.calculation;

import java.time.LocalDate;
import java.util.List;

/** A named, versioned collection of factors from one family of publications, with one GWP set. */
public record FactorSet(
        String id,
        String name,
        String edition,
        String version,
        LocalDate published,
        GwpSet gwp,
        List<Source> sources,
        List<EmissionFactor> factors) {

    public record Source(String key, String citation, String licence, String url) {
    }

    public FactorSet {
        sources = List.copyOf(sources);
        factors = List.copyOf(factors);
    }

    /** How reports name this set: its id and version. */
    public String label() {
        return id + " v" + version;
    }
}
