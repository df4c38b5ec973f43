package org.empreinte.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.FactorSet;
import org.empreinte.calculation.Gas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactorLibraryLoaderTest {

    private static final Path REAL_FOLDER = Path.of("emission-factors");
    private static final List<String> REAL_ORDER = List.of("eccc-canada", "desnz-2024");

    /** A valid set: header and one factor. Tests append a factor or alter a header line. */
    private static final String VALID_SET = """
            # A small, valid factor set for tests.
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
            factors:
              - id: good-electricity
                type: electricity
                region: CA-QC
                year: 2024
                unit: kWh
                scope: 2
                category: purchased_electricity
                co2e: 0.002
                source: src
                citation: "Table 1"
            """;

    private static final String FACTOR_LINE = "  - id: broken";

    @Nested
    class TheRealFolder {

        private final FactorLibrary library = new FactorLibraryLoader().load(REAL_FOLDER, REAL_ORDER);

        @Test
        void loadsBothSetsAndAllTheirFactors() {
            // useeio-1.3 is loaded too, but not selected in this order: it comes after the selected sets.
            assertThat(library.sets()).extracting(FactorSet::id).containsExactly("eccc-canada", "desnz-2024", "useeio-1.3");
            // eccc-canada.yml: electricity for Canada and 13 provinces and territories × 16 data years (2005-2020) = 224,
            // + natural gas, light fuel oil, propane, diesel, gasoline = 229; + generation and losses for the same 224
            // region-years less Nunavut's 8 years without a generation intensity (2005-2012): 2 × 216 = 432
            assertThat(library.set("eccc-canada")).get().satisfies(s -> assertThat(s.factors()).hasSize(229 + 432));
            // desnz-2024.yml: 5 fuels × (litres or m³, kWh) + GB electricity = 11; + 10 upstream (WTT) rows of the 5 fuels
            // and 5 of the average car per km by fuel (petrol, diesel, hybrid, plug-in hybrid, unknown)
            assertThat(library.set("desnz-2024")).get().satisfies(s -> assertThat(s.factors()).hasSize(128 + 10 + 5));
            // USEEIO: 1,016 industries published, and the means of the 1,091 NAICS prefixes of 2 to 5 digits that
            // are not themselves industries.
            assertThat(library.set("useeio-1.3")).get().satisfies(s -> assertThat(s.factors()).hasSize(1016 + 1091));
            // 229 Canadian factors; DESNZ: 11 for energy, 18 for flights (3 bands' cabins, with and without RF) and 10
            // international to/from non-UK (5 cabins, with and without RF),
            // 5 cars, 1 electric-car consumption, 2 buses, 3 trains, 1 taxi, 38 hotel countries, 31 waste routes,
            // 2 physical purchases (paper, cardboard), 4 wood waste routes.
            assertThat(library.factorCount()).isEqualTo(229 + 432 + 128 + 10 + 5 + 1016 + 1091);
            // sales-taxes.yml: Québec's GST + QST from 2013, Nova Scotia's HST by date, with their sources.
            assertThat(library.salesTaxes().at("CA-QC", java.time.LocalDate.of(2024, 5, 1))).get()
                    .satisfies(r -> assertThat(r.taxes()).containsExactly(java.util.Map.entry("GST", 0.05),
                            java.util.Map.entry("QST", 0.09975)))
                    .satisfies(r -> assertThat(r.source()).contains("Canada Revenue Agency", "Revenu Québec"));
            assertThat(library.salesTaxes().at("CA-NS", java.time.LocalDate.of(2025, 3, 31)).orElseThrow().total()).isEqualTo(0.15);
            assertThat(library.salesTaxes().at("CA-NS", java.time.LocalDate.of(2025, 4, 1)).orElseThrow().total()).isEqualTo(0.14);
            assertThat(library.salesTaxes().at("CA-QC", java.time.LocalDate.of(2012, 12, 31))).isEmpty();
            assertThat(library.gwpSets()).containsOnlyKeys("AR4", "AR5", "AR6");
            assertThat(library.selector().sets()).extracting(FactorSet::id).containsExactly("eccc-canada", "desnz-2024");
        }

        @Test
        void setHeaders() {
            FactorSet eccc = library.set("eccc-canada").orElseThrow();
            assertThat(eccc.gwp().id()).isEqualTo("AR5");
            assertThat(eccc.version()).isEqualTo("2");
            assertThat(eccc.label()).isEqualTo("eccc-canada v2");
            assertThat(eccc.published()).hasToString("2022-04-15");
            assertThat(eccc.sources()).extracting(FactorSet.Source::key).containsExactly("nir2022-a13", "nir2022-a13-lines", "nir-a6");
            assertThat(library.set("desnz-2024").orElseThrow().published()).hasToString("2024-07-08");
        }

        @Test
        void perGasMassesAreWeightedWithTheSetsGwp() {
            EmissionFactor gas = library.factor("eccc-natural-gas-ca-qc").orElseThrow();
            // masses as published: CO2 1.926, CH4 0.000037, N2O 0.000035 kg/m³
            assertThat(gas.massPerUnitByGas()).containsExactlyInAnyOrderEntriesOf(
                    Map.of(Gas.CO2, 1.926, Gas.CH4, 0.000037, Gas.N2O, 0.000035));
            // weighted with AR5: CH4 × 28, N2O × 265
            assertThat(gas.co2ePerUnitByGas().get(Gas.CO2)).isCloseTo(1.926, within(1e-12));
            assertThat(gas.co2ePerUnitByGas().get(Gas.CH4)).isCloseTo(0.000037 * 28, within(1e-12));
            assertThat(gas.co2ePerUnitByGas().get(Gas.N2O)).isCloseTo(0.000035 * 265, within(1e-12));
            assertThat(gas.co2ePerUnit()).isCloseTo(1.926 + 0.000037 * 28 + 0.000035 * 265, within(1e-12));
            assertThat(gas.unit().symbol()).isEqualTo("m3");
        }

        @Test
        void aCo2eOnlyFactorIsUnspecifiedByGas() {
            EmissionFactor qc = library.factor("eccc-electricity-ca-qc-2018").orElseThrow();
            // 1.6 g CO2e/kWh, NIR 2022 Table A13-6, 2018
            assertThat(qc.co2ePerUnitByGas()).containsExactly(Map.entry(Gas.UNSPECIFIED, 0.0016));
            assertThat(qc.massPerUnitByGas()).isEmpty();
            assertThat(qc.year()).isEqualTo(2018);
            assertThat(qc.scope()).isEqualTo(2);
        }

        @Test
        void publishedCo2eByGasIsKeptAsIsWithoutMasses() {
            EmissionFactor gb = library.factor("desnz-2024-electricity-gb").orElseThrow();
            assertThat(gb.co2ePerUnitByGas()).containsExactlyInAnyOrderEntriesOf(
                    Map.of(Gas.CO2, 0.20493, Gas.CH4, 0.0009, Gas.N2O, 0.00122));
            assertThat(gb.massPerUnitByGas()).isEmpty();
            // 0.20493 + 0.0009 + 0.00122 = 0.20705, the published total
            assertThat(gb.co2ePerUnit()).isCloseTo(0.20705, within(1e-12));
        }

        @Test
        void citationJoinsTheSourceAndTheFactorsOwnReference() {
            EmissionFactor qc = library.factor("eccc-electricity-ca-qc-2018").orElseThrow();
            assertThat(qc.citation()).startsWith("Environment and Climate Change Canada, National Inventory Report 1990-2020")
                    .contains("(2022 edition), Part 3, Annex 13")
                    .endsWith("Table A13-6, Québec, data year 2018: 1.6 g CO2e/kWh consumed");
            assertThat(qc.setId()).isEqualTo("eccc-canada");
            assertThat(qc.setVersion()).isEqualTo("2");
        }

        @Test
        void aSetLeftOutOfTheSelectionOrderIsLoadedButNotSelected() {
            FactorLibrary desnzOnly = new FactorLibraryLoader().load(REAL_FOLDER, List.of("desnz-2024"));
            assertThat(desnzOnly.sets()).extracting(FactorSet::id).containsExactly("desnz-2024", "eccc-canada", "useeio-1.3");
            assertThat(desnzOnly.selector().sets()).extracting(FactorSet::id).containsExactly("desnz-2024");
        }
    }

    @Nested
    class BrokenFolders {

        @TempDir
        Path dir;

        @BeforeEach
        void copyTheRealGwpFile() throws IOException {
            Files.copy(REAL_FOLDER.resolve("gwp.yml"), dir.resolve("gwp.yml"));
        }

        private Path write(String fileName, String content) throws IOException {
            return Files.writeString(dir.resolve(fileName), content);
        }

        private FactorFileException loadFails(List<String> order) {
            FactorFileException e = catchThrowableOfType(FactorFileException.class,
                    () -> new FactorLibraryLoader().load(dir, order));
            assertThat(e).as("the loader should have refused the folder").isNotNull();
            return e;
        }

        private FactorFileException loadFails() {
            return loadFails(List.of("test-set"));
        }

        private FactorLibrary loads() {
            return new FactorLibraryLoader().load(dir, List.of("test-set"));
        }

        /** The valid set followed by one more factor, given as its lines after {@code - id: broken}. */
        private Path setWith(String factorBody) throws IOException {
            return write("test-set.yml", VALID_SET + FACTOR_LINE + "\n" + factorBody.stripIndent());
        }

        /** 1-based number of the {@code occurrence}-th line equal to {@code line} in {@code content}. */
        private static int lineOf(String content, String line, int occurrence) {
            List<String> lines = content.lines().toList();
            int seen = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).equals(line) && ++seen == occurrence) {
                    return i + 1;
                }
            }
            throw new AssertionError("fixture has no line '" + line + "'");
        }

        private static int lineOf(Path file, String line) throws IOException {
            return lineOf(Files.readString(file), line, 1);
        }

        private static void assertNames(FactorFileException e, Path file, int line, String key) {
            assertThat(e.getMessage())
                    .startsWith("Invalid emission-factor file " + file)
                    .contains(", line " + line + ", key '" + key + "': ");
        }

        @Test
        void theFixtureItselfIsValid() throws IOException {
            write("test-set.yml", VALID_SET);
            FactorLibrary library = loads();
            assertThat(library.factorCount()).isEqualTo(1);
            assertThat(library.factor("good-electricity")).get()
                    .satisfies(f -> assertThat(f.co2ePerUnit()).isCloseTo(0.002, within(1e-15)));
        }

        @Test
        void invalidYamlSyntax() throws IOException {
            Path file = setWith("""
                        type: electricity
                        category: purchased: electricity
                    """);
            FactorFileException e = loadFails();
            // "mapping values are not allowed here": the second colon on the category line
            int line = lineOf(file, "    category: purchased: electricity");
            assertThat(e.getMessage()).startsWith("Invalid emission-factor file " + file)
                    .contains(", line " + line + ": ")
                    .contains("not valid YAML");
        }

        @Test
        void missingUnit() throws IOException {
            Path file = setWith("""
                        type: electricity
                        region: CA-ON
                        year: 2024
                        scope: 2
                        category: purchased_electricity
                        co2e: 0.03
                        source: src
                        citation: "Table 2"
                    """);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, FACTOR_LINE), "unit");
            assertThat(e.getMessage()).contains("missing or empty").contains("broken");
        }

        @Test
        void emptyUnit() throws IOException {
            Path file = setWith("""
                        type: electricity
                        region: CA-ON
                        year: 2024
                        unit:
                        scope: 2
                        category: purchased_electricity
                        co2e: 0.03
                        source: src
                        citation: "Table 2"
                    """);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, FACTOR_LINE), "unit");
            assertThat(e.getMessage()).contains("missing or empty");
        }

        @Test
        void emptyCitation() throws IOException {
            Path file = setWith("""
                        type: electricity
                        region: CA-ON
                        year: 2024
                        unit: kWh
                        scope: 2
                        category: purchased_electricity
                        co2e: 0.03
                        source: src
                        citation:
                    """);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, FACTOR_LINE), "citation");
            assertThat(e.getMessage()).contains("missing or empty");
        }

        @Test
        void unknownUnit() throws IOException {
            Path file = setWith("""
                        type: natural_gas
                        region: CA-ON
                        year: 2024
                        unit: therm
                        scope: 1
                        category: stationary_combustion
                        co2e: 5.3
                        source: src
                        citation: "Table 2"
                    """);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, FACTOR_LINE), "unit");
            assertThat(e.getMessage()).contains("unknown unit 'therm'").contains("kWh").contains("m3");
        }

        @Test
        void unknownGwpSet() throws IOException {
            Path file = write("test-set.yml", VALID_SET.replace("gwp: AR5", "gwp: AR7"));
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, "gwp: AR7"), "gwp");
            assertThat(e.getMessage()).contains("unknown GWP set 'AR7'").contains("AR4").contains("AR5").contains("AR6");
        }

        @Test
        void headerProblemsNameTheLineOfTheirKey() throws IOException {
            Path file = write("test-set.yml", VALID_SET.replace("published: 2024-01-01", "published: 2024-13-01"));
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, "published: 2024-13-01"), "published");
            assertThat(e.getMessage()).contains("'2024-13-01' is not a date");
        }

        @Test
        void gasThatTheSetsGwpDoesNotDefine() throws IOException {
            // CH4_fossil is in AR6 only; the set uses AR5
            Path file = setWith("""
                        type: natural_gas
                        region: CA-ON
                        year: 2024
                        unit: m3
                        scope: 1
                        category: stationary_combustion
                        gases: {CO2: 1.9, CH4_fossil: 0.00004}
                        source: src
                        citation: "Table 2"
                    """);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, FACTOR_LINE), "gases.CH4_fossil");
            assertThat(e.getMessage()).contains("'CH4_fossil'").contains("AR5");
        }

        @Test
        void co2eTotalInconsistentWithItsGases() throws IOException {
            // 2.0414 + 0.00307 + 0.00095 = 2.04542, not 2.5
            Path file = setWith("""
                        type: natural_gas
                        region: CA-ON
                        year: 2024
                        unit: m3
                        scope: 1
                        category: stationary_combustion
                        co2e: 2.5
                        co2eByGas: {CO2: 2.0414, CH4: 0.00307, N2O: 0.00095}
                        source: src
                        citation: "Table 2"
                    """);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, FACTOR_LINE), "co2e");
            assertThat(e.getMessage()).contains("2.5").contains("2.0454");
        }

        @Test
        void aRoundedTotalWithinHalfAPercentIsAccepted() throws IOException {
            // 2.0414 + 0.00307 + 0.00095 = 2.04542; the published total rounded to 2.045 differs by 0.02 %
            setWith("""
                        type: natural_gas
                        region: CA-ON
                        year: 2024
                        unit: m3
                        scope: 1
                        category: stationary_combustion
                        co2e: 2.045
                        co2eByGas: {CO2: 2.0414, CH4: 0.00307, N2O: 0.00095}
                        source: src
                        citation: "Table 2"
                    """);
            // the total used is the sum of the gases, not the rounded declaration
            assertThat(loads().factor("broken").orElseThrow().co2ePerUnit()).isCloseTo(2.0414 + 0.00307 + 0.00095, within(1e-12));
        }

        @Test
        void co2eTotalIsCheckedAgainstGwpWeightedMassesToo() throws IOException {
            // 1.926 + 0.000037 × 28 + 0.000035 × 265 = 1.936311 under AR5; 1.926 ignores CH4 and N2O: 0.53 % off
            Path file = setWith("""
                        type: natural_gas
                        region: CA-ON
                        year: 2024
                        unit: m3
                        scope: 1
                        category: stationary_combustion
                        co2e: 1.926
                        gases: {CO2: 1.926, CH4: 0.000037, N2O: 0.000035}
                        source: src
                        citation: "Table 2"
                    """);
            assertNames(loadFails(), file, lineOf(file, FACTOR_LINE), "co2e");
        }

        @Test
        void duplicateFactorIdInTheSameFile() throws IOException {
            String content = VALID_SET + """
                      - id: good-electricity
                        type: electricity
                        region: CA-ON
                        year: 2024
                        unit: kWh
                        scope: 2
                        category: purchased_electricity
                        co2e: 0.03
                        source: src
                        citation: "Table 2"
                    """;
            Path file = write("test-set.yml", content);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(content, "  - id: good-electricity", 2), "id");
            assertThat(e.getMessage()).contains("'good-electricity' is already used in " + file);
        }

        @Test
        void duplicateFactorIdAcrossFiles() throws IOException {
            Path first = write("a-set.yml", VALID_SET.replace("id: test-set", "id: a-set"));
            Path second = write("b-set.yml", VALID_SET.replace("id: test-set", "id: b-set"));
            FactorFileException e = loadFails(List.of("a-set", "b-set"));
            // files are read in name order: the second one is at fault
            assertNames(e, second, lineOf(second, "  - id: good-electricity"), "id");
            assertThat(e.getMessage()).contains("already used in " + first);
        }

        @Test
        void sameSetIdInTwoFiles() throws IOException {
            write("a-set.yml", VALID_SET);
            Path second = write("b-set.yml", VALID_SET.replace("good-electricity", "other-electricity"));
            FactorFileException e = loadFails();
            assertThat(e.getMessage()).startsWith("Invalid emission-factor file " + second)
                    .contains("key 'id'").contains("'test-set' is defined twice");
        }

        @Test
        void twoFactorsThatWouldMakeSelectionAmbiguous() throws IOException {
            // same type, region and year as good-electricity, and GJ has the dimension of kWh
            Path file = setWith("""
                        type: electricity
                        region: CA-QC
                        year: 2024
                        unit: GJ
                        scope: 2
                        category: purchased_electricity
                        co2e: 0.5
                        source: src
                        citation: "Table 2"
                    """);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, FACTOR_LINE), "id");
            assertThat(e.getMessage()).contains("'broken'").contains("'good-electricity'")
                    .contains("(line " + lineOf(file, "  - id: good-electricity") + ")")
                    .contains("ambiguous");
        }

        @Test
        void anotherYearOrAnotherDimensionIsNotAmbiguous() throws IOException {
            setWith("""
                        type: electricity
                        region: CA-QC
                        year: 2023
                        unit: GJ
                        scope: 2
                        category: purchased_electricity
                        co2e: 0.5
                        source: src
                        citation: "Table 2"
                      - id: gas-m3
                        type: natural_gas
                        region: CA-QC
                        year: 2024
                        unit: m3
                        scope: 1
                        category: stationary_combustion
                        co2e: 1.9
                        source: src
                        citation: "Table 3"
                      - id: gas-kwh
                        type: natural_gas
                        region: CA-QC
                        year: 2024
                        unit: kWh
                        scope: 1
                        category: stationary_combustion
                        co2e: 0.18
                        source: src
                        citation: "Table 4"
                    """);
            assertThat(loads().factorCount()).isEqualTo(4);
        }

        @Test
        void sourceNotListed() throws IOException {
            Path file = setWith("""
                        type: electricity
                        region: CA-ON
                        year: 2024
                        unit: kWh
                        scope: 2
                        category: purchased_electricity
                        co2e: 0.03
                        source: nowhere
                        citation: "Table 2"
                    """);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, FACTOR_LINE), "source");
            assertThat(e.getMessage()).contains("'nowhere'").contains("src");
        }

        @Test
        void scopeFour() throws IOException {
            Path file = setWith("""
                        type: electricity
                        region: CA-ON
                        year: 2024
                        unit: kWh
                        scope: 4
                        category: purchased_electricity
                        co2e: 0.03
                        source: src
                        citation: "Table 2"
                    """);
            FactorFileException e = loadFails();
            assertNames(e, file, lineOf(file, FACTOR_LINE), "scope");
            assertThat(e.getMessage()).contains("1, 2 or 3");
        }

        @Test
        void selectionOrderNamingAMissingSet() throws IOException {
            write("test-set.yml", VALID_SET);
            FactorFileException e = loadFails(List.of("test-set", "missing-set"));
            assertThat(e.getMessage()).startsWith("Invalid emission-factor file " + dir)
                    .contains("key 'selectionOrder'")
                    .contains("'missing-set'")
                    .contains("[test-set]");
        }

        @Test
        void emptySelectionOrder() throws IOException {
            write("test-set.yml", VALID_SET);
            assertThat(loadFails(List.of()).getMessage()).contains("key 'selectionOrder'").contains("no factor set is selected");
        }

        @Test
        void missingFolder() {
            Path missing = dir.resolve("no-such-folder");
            FactorFileException e = catchThrowableOfType(FactorFileException.class,
                    () -> new FactorLibraryLoader().load(missing, List.of("test-set")));
            assertThat(e.getMessage()).startsWith("Invalid emission-factor file " + missing)
                    .contains("folder does not exist");
        }

        @Test
        void missingGwpFile() throws IOException {
            Files.delete(dir.resolve("gwp.yml"));
            write("test-set.yml", VALID_SET);
            assertThat(loadFails().getMessage()).startsWith("Invalid emission-factor file " + dir.resolve("gwp.yml"))
                    .contains("cannot read");
        }

        @Test
        void theSetsGwpIsTheOneApplied() throws IOException {
            setWith("""
                        type: natural_gas
                        region: CA-ON
                        year: 2024
                        unit: m3
                        scope: 1
                        category: stationary_combustion
                        gases: {CO2: 1.9, CH4: 0.001, N2O: 0.001}
                        source: src
                        citation: "Table 2"
                    """);
            Files.writeString(dir.resolve("test-set.yml"),
                    Files.readString(dir.resolve("test-set.yml")).replace("gwp: AR5", "gwp: AR4"));
            EmissionFactor f = loads().factor("broken").orElseThrow();
            // AR4: CH4 25, N2O 298
            assertThat(f.co2ePerUnitByGas().get(Gas.CH4)).isCloseTo(0.001 * 25, within(1e-12));
            assertThat(f.co2ePerUnitByGas().get(Gas.N2O)).isCloseTo(0.001 * 298, within(1e-12));
            assertThat(f.co2ePerUnit()).isCloseTo(1.9 + 0.001 * 25 + 0.001 * 298, within(1e-12));
        }

        @Test
        void onlyYmlFilesAreRead() throws IOException {
            write("test-set.yml", VALID_SET);
            write("notes.txt", "not a factor file: {{{");
            write("draft.yml.bak", "id: [broken");
            assertThat(loads().sets()).extracting(FactorSet::id).containsExactly("test-set");
        }
    }
}
