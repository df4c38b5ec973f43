package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.factor.FactorLibrary;

/** Both languages say everything, and every text with arguments is a valid MessageFormat. */
class MessagesTest {

    private final Messages fr = Messages.of(Locale.forLanguageTag("fr-CA"));
    private final Messages en = Messages.of(Locale.forLanguageTag("en-CA"));

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        assertThat(new TreeSet<>(fr.keys())).isEqualTo(new TreeSet<>(en.keys()));
        assertThat(fr.keys()).hasSizeGreaterThan(100);
    }

    @Test
    void textsWithArgumentsFormatWithoutLosingApostrophes() {
        for (Messages messages : List.of(fr, en)) {
            for (String key : messages.keys()) {
                String text = messages.get(key);
                if (text.contains("{0")) {
                    assertThatCode(() -> new MessageFormat(text, messages.locale())).as(key).doesNotThrowAnyException();
                    String formatted = messages.format(key, 2, 3);
                    // A single apostrophe in a MessageFormat pattern opens a quote and is lost: write it ''.
                    long written = text.chars().filter(c -> c == '\'').count();
                    long shown = formatted.chars().filter(c -> c == '\'').count();
                    assertThat(written % 2).as(key + " doubles its apostrophes").isZero();
                    assertThat(shown).as(key + " shows its apostrophes").isEqualTo(written / 2);
                }
            }
        }
        assertThat(fr.format("error_type", "charbon")).isEqualTo("Type d'activité inconnu : charbon.");
    }

    @Test
    void textsWithoutArgumentsWriteASingleApostrophe() {
        // They are shown as written (format with no arguments does not go through MessageFormat).
        for (Messages messages : List.of(fr, en)) {
            for (String key : messages.keys()) {
                String text = messages.get(key);
                if (!text.contains("{")) {
                    assertThat(text).as(key).doesNotContain("''");
                    assertThat(messages.format(key)).as(key).isEqualTo(text);
                }
            }
        }
        assertThat(fr.format("error_csv_header")).startsWith("L'en-tête du fichier");
    }

    @Test
    void theFrenchPluralOfActivities() {
        assertThat(fr.format("footprint_activities", 0L)).isEqualTo("aucune activité");
        assertThat(fr.format("footprint_activities", 1L)).isEqualTo("1 activité");
        assertThat(en.format("footprint_activities", 2L)).isEqualTo("2 activities");
    }

    @Test
    void everyTypeAndCategoryOfTheShippedFactorsHasALabelInBothLanguages() {
        FactorLibrary library = org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024"));
        Set<String> needed = new TreeSet<>();
        for (EmissionFactor factor : library.sets().stream().flatMap(s -> s.factors().stream()).toList()) {
            needed.add("type_" + factor.type());
            needed.add("category_" + factor.category());
        }
        assertThat(fr.keys()).containsAll(needed);
        assertThat(en.keys()).containsAll(needed);
    }
}
