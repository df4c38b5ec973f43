package org.empreinte.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.factor.NaicsDirectory.NaicsClass;

class NaicsDirectoryTest {

    private static final NaicsDirectory NAICS = NaicsDirectory.load(Path.of("emission-factors"));

    private static List<String> codes(String query, String language) {
        return NAICS.search(query, language, 10).stream().map(NaicsClass::code).toList();
    }

    @Test
    void shipsStatisticsCanadasClassesWithTheirLevelsAndTitles() {
        assertThat(NAICS.size()).isEqualTo(2059);
        assertThat(NAICS.find("624410").orElseThrow()).extracting(NaicsClass::level, NaicsClass::title)
                .containsExactly(5, "Child day-care services");
        assertThat(NAICS.find("562920").orElseThrow().title()).isEqualTo("Material recovery facilities");
        assertThat(NAICS.find("445110").orElseThrow().title())
                .isEqualTo("Supermarkets and other grocery retailers (except Convenience retailers)");
        assertThat(NAICS.find("813").orElseThrow().level()).isEqualTo(2);
        assertThat(NAICS.find("62").orElseThrow().title()).isEqualTo("Health care and social assistance");
    }

    @Test
    void aFrenchWordOfTheProjectFindsItsClass() {
        assertThat(codes("garderie", "fr")).startsWith("624410");
        assertThat(NAICS.search("garderie", "fr", 1).get(0).words("fr")).contains("garderie");
        assertThat(codes("épicerie", "fr")).startsWith("445110");
        assertThat(codes("ressourcerie", "fr")).contains("459510", "562920");
        assertThat(codes("coopérative d'habitation", "fr")).startsWith("531112");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(codes("EPICERIE", "fr")).isEqualTo(codes("épicerie", "fr"));
        assertThat(codes("Garderie", "fr")).isEqualTo(codes("garderie", "fr"));
        assertThat(codes("traiteur", "fr")).startsWith("722320");
    }

    @Test
    void englishTitlesMatchEveryWordInAnyOrder() {
        assertThat(codes("child day-care", "en")).startsWith("624410");
        assertThat(codes("services day care child", "en")).startsWith("624410");
        // The industry and its group bear the same title: the most detailed class stands for them.
        assertThat(codes("child day care", "en")).doesNotContain("62441", "6244");
        assertThat(codes("material recovery", "en")).startsWith("562920");
        assertThat(codes("child recycling", "en")).isEmpty();
    }

    @Test
    void wordsBegunMatchTheirWholeWords() {
        assertThat(codes("superm", "en")).contains("445110");
        assertThat(codes("restau", "fr")).contains("722511");
    }

    @Test
    void theCodeItselfComesFirstThenTheCodesUnderIt() {
        assertThat(codes("6244", "fr")).startsWith("6244", "62441", "624410");
        assertThat(codes("624410", "en")).containsExactly("624410");
        assertThat(codes("813", "en").get(0)).isEqualTo("813");
        assertThat(codes("56", "en")).allMatch(c -> c.startsWith("56"));
    }

    @Test
    void digitsAndWordsTogetherNarrowTheSearch() {
        assertThat(codes("44 grocery", "en")).contains("445110").allMatch(c -> c.startsWith("44"));
    }

    @Test
    void nothingTypedOrNothingFoundGivesNothing() {
        assertThat(codes("", "fr")).isEmpty();
        assertThat(codes("   ", "fr")).isEmpty();
        assertThat(codes("zzzqqq", "en")).isEmpty();
        assertThat(codes("999", "en")).isEmpty();
    }

    @Test
    void rangeSectorsAreLeftOutOfTheSearch() {
        assertThat(NAICS.find("31-33")).isPresent();
        assertThat(codes("manufacturing", "en")).doesNotContain("31-33");
    }
}
