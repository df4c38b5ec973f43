package org.empreinte.factor;

import java.util.Optional;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.FactorSet;

/**
 * How a page names a factor it applied: first its label in the reader's language (and its note, if any);
 * behind a "Source" disclosure its id, its set and edition, the citation as published and the licence.
 *
 * @param label the label in the reader's language, or null when the factor has left the library
 * @param citation the publication, edition and table as published (in the publication's language), or null
 */
public record FactorReference(String id, String label, String note, String set, String edition, String citation,
        String licence, String url) {

    /**
     * The factor {@code id} of set {@code setId} version {@code setVersion}, as the library names it in
     * {@code language}; a factor no longer in the library keeps its id and set, with no label or citation.
     */
    public static FactorReference of(FactorLibrary library, String id, String setId, String setVersion, String language) {
        Optional<EmissionFactor> factor = library.factor(id);
        Optional<FactorSet> set = library.set(setId);
        String setName = setId + " v" + setVersion;
        if (factor.isEmpty()) {
            return new FactorReference(id, null, null, setName, null, null, null, null);
        }
        EmissionFactor f = factor.get();
        Optional<FactorSet.Source> source = set.flatMap(s -> s.sources().stream()
                .filter(src -> f.citation() != null && f.citation().startsWith(src.citation())).findFirst());
        return new FactorReference(id, f.labelIn(language), f.noteIn(language),
                set.map(s -> s.name() + " (" + setName + ")").orElse(setName), set.map(FactorSet::edition).orElse(null),
                f.citation(), source.map(FactorSet.Source::licence).orElse(null), source.map(FactorSet.Source::url).orElse(null));
    }
}
