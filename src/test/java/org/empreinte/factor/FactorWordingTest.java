package org.empreinte.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.empreinte.calculation.EmissionFactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Factor labels and notes in French and English: the shipped files, and how a file writes them. */
class FactorWordingTest {

    private static final FactorLibrary SHIPPED = new FactorLibraryLoader().load(Path.of("emission-factors"),
            List.of("eccc-canada", "desnz-2024", "useeio-1.3"));

    @TempDir
    Path dir;

    /** A factor added without its words loads (a merge must not stop the application) but fails here. */
    @Test
    void everyShippedFactorHasAFrenchAndAnEnglishLabel() {
        List<String> missing = SHIPPED.sets().stream().flatMap(s -> s.factors().stream())
                .filter(f -> !f.labels().containsKey("fr") || !f.labels().containsKey("en"))
                .map(EmissionFactor::id).toList();
        assertThat(missing).as("factors without a label in both languages").isEmpty();
        assertThat(SHIPPED.factorCount()).isGreaterThan(1300);
    }

    @Test
    void everyShippedNoteIsWrittenInBothLanguages() {
        List<String> missing = SHIPPED.sets().stream().flatMap(s -> s.factors().stream())
                .filter(f -> !f.notes().isEmpty() && (!f.notes().containsKey("fr") || !f.notes().containsKey("en")))
                .map(EmissionFactor::id).toList();
        assertThat(missing).as("factors whose note is not in both languages").isEmpty();
    }

    /**
     * French labels and notes write numbers the French way: no decimal point (0.078), no English grouping
     * (2,307 g/L). A French decimal with three digits (1,653 kWh) looks like English grouping, so grouping is
     * sought only where it cannot be a decimal: grams of a fuel's CO2 per litre or cubic metre, or a second group.
     * Table numbers (A6.1-15) are names, not numbers.
     */
    @Test
    void frenchWordsWriteNumbersTheFrenchWay() {
        Pattern english = Pattern.compile("\\d\\.\\d|\\d,\\d{3}[,.]\\d|[1-9]\\d{0,2},\\d{3} ?g/(L|m)");
        List<String> wrong = SHIPPED.sets().stream().flatMap(s -> s.factors().stream())
                .flatMap(f -> java.util.stream.Stream.of(f.labels().get("fr"), f.notes().get("fr"))
                        .filter(t -> t != null && english.matcher(t.replaceAll("A\\d+\\.\\d+", "table")).find()).map(t -> f.id() + ": " + t))
                .toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void shippedLabelsReadAsPeopleWriteThem() {
        assertThat(SHIPPED.factor("eccc-electricity-ca-qc-2018").orElseThrow().labelIn("fr"))
                .isEqualTo("Électricité consommée — Québec, année de données 2018");
        assertThat(SHIPPED.factor("eccc-electricity-ca-qc-2018").orElseThrow().labelIn("en"))
                .isEqualTo("Electricity consumed — Quebec, data year 2018");
        assertThat(SHIPPED.factor("useeio-111110").orElseThrow().labelIn("fr")).isEqualTo("Achats — SCIAN 111110 (Soybean Farming)");
        assertThat(SHIPPED.factor("useeio-1.3-naics-1111-average").orElseThrow().labelIn("en"))
                .isEqualTo("Purchases — NAICS 1111, mean of the industries under it");
        assertThat(SHIPPED.factor("desnz-2024-flight-long-business-rf").orElseThrow().labelIn("fr"))
                .isEqualTo("Vol, plus de 3\u00a0700 km, classe affaires, avec forçage radiatif (facteur britannique)");
        assertThat(SHIPPED.factor("desnz-2024-hotel-us").orElseThrow().labelIn("fr")).isEqualTo("Nuitée d'hôtel — États-Unis");
        assertThat(SHIPPED.factor("desnz-2024-waste-food-composting").orElseThrow().labelIn("en"))
                .isEqualTo("Waste — food and drink waste, composting");
        EmissionFactor gas = SHIPPED.factor("eccc-natural-gas-ca-qc").orElseThrow();
        assertThat(gas.noteIn("fr")).startsWith("Transcrit de tableaux d'ECCC");
        assertThat(gas.note()).as("the API's note stays English").startsWith("Transcribed from ECCC tables");
        assertThat(gas.citation()).as("the citation stays as published").contains("CO2 1,926 g/m³");
    }

    @Test
    void aPlainNoteIsEnglishAndAFactorWithoutLabelStillLoads() throws IOException {
        FactorLibrary library = load("""
                  - id: plain
                    type: electricity
                    region: CA-QC
                    year: 2024
                    unit: kWh
                    scope: 2
                    category: purchased_electricity
                    co2e: 0.002
                    source: src
                    citation: "Table 1"
                    note: "An old note."
                """);
        EmissionFactor factor = library.factor("plain").orElseThrow();
        assertThat(factor.notes()).containsOnlyKeys("en");
        assertThat(factor.noteIn("fr")).as("English until translated").isEqualTo("An old note.");
        assertThat(factor.labels()).isEmpty();
        assertThat(factor.labelIn("fr")).as("a page shows the id when nothing else").isEqualTo("plain");
    }

    @Test
    void ownLabelWinsOverTheTemplateAndTemplatesNeedEveryWord() throws IOException {
        FactorLibrary library = load("""
                  - id: own
                    type: flight
                    region: "*"
                    year: 2024
                    unit: km
                    scope: 3
                    category: business_travel
                    conditions: {cabin: economy}
                    co2e: 0.1
                    source: src
                    citation: "Table 1"
                    label: {fr: "Le mien", en: "Mine"}
                  - id: templated
                    type: flight
                    region: "*"
                    year: 2024
                    unit: km
                    scope: 3
                    category: business_travel
                    conditions: {cabin: business}
                    co2e: 0.2
                    source: src
                    citation: "Table 1"
                  - id: other-condition
                    type: flight
                    region: "*"
                    year: 2024
                    unit: km
                    scope: 3
                    category: business_travel
                    conditions: {cabin: business, part: upstream}
                    co2e: 0.05
                    source: src
                    citation: "Table 2"
                  - id: unknown-word
                    type: flight
                    region: "*"
                    year: 2024
                    unit: km
                    scope: 3
                    category: business_travel
                    conditions: {cabin: first}
                    co2e: 0.3
                    source: src
                    citation: "Table 1"
                """);
        assertThat(library.factor("own").orElseThrow().labelIn("en")).isEqualTo("Mine");
        assertThat(library.factor("templated").orElseThrow().labels()).containsEntry("fr", "Vol, classe affaires, par km")
                .containsEntry("en", "Flight, business class, per km");
        assertThat(library.factor("other-condition").orElseThrow().labels())
                .as("a condition the template does not name: no label rather than a wrong one").isEmpty();
        assertThat(library.factor("unknown-word").orElseThrow().labels()).as("no word for 'first': left for the test to flag")
                .isEmpty();
    }

    @Test
    void anUnknownLanguageIsRefusedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("gwp.yml"), Files.readString(Path.of("emission-factors/gwp.yml")));
        Files.writeString(dir.resolve("test-set.yml"), header() + """
                factors:
                  - id: bad
                    type: electricity
                    region: CA-QC
                    year: 2024
                    unit: kWh
                    scope: 2
                    category: purchased_electricity
                    co2e: 0.002
                    source: src
                    citation: "Table 1"
                    label: {fr: "Électricité", de: "Strom"}
                """);
        FactorFileException e = catchThrowableOfType(FactorFileException.class,
                () -> new FactorLibraryLoader().load(dir, List.of("test-set")));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("label.de").contains("unknown language");
    }

    private FactorLibrary load(String factors) throws IOException {
        Files.writeString(dir.resolve("gwp.yml"), Files.readString(Path.of("emission-factors/gwp.yml")));
        Files.writeString(dir.resolve("test-set.yml"), header() + """
                labels:
                  - type: flight
                    fr: "Vol, {cabin}, par {unit}"
                    en: "Flight, {cabin}, per {unit}"
                words:
                  cabin:
                    economy: {fr: "classe économique", en: "economy class"}
                    business: {fr: "classe affaires", en: "business class"}
                factors:
                """ + factors);
        return new FactorLibraryLoader().load(dir, List.of("test-set"));
    }

    private static String header() {
        return """
                id: test-set
                name: "Test set"
                edition: "2024"
                version: "1"
                published: 2024-01-01
                gwp: AR5
                sources:
                  - key: src
                    citation: "Test publication"
                    licence: "public domain"
                """;
    }
}
