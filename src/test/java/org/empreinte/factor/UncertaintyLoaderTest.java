package org.empreinte.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.empreinte.activity.ActivityPreparation;
import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.Uncertainty.Shape;

/** The shipped uncertainty.yml against the research note's table (§ 8a, § 8b), and the file's rules. */
class UncertaintyLoaderTest {

    private static final Path SHIPPED_FOLDER = Path.of("emission-factors");
    private static final FactorLibrary LIBRARY = new FactorLibraryLoader().load(SHIPPED_FOLDER,
            List.of("eccc-canada", "desnz-2024", "useeio-1.3"));
    private static final UncertaintyTable TABLE = UncertaintyLoader.load(SHIPPED_FOLDER);

    @Test
    void everyShippedFactorGetsAnUncertaintyWithItsBasis() {
        assertThat(LIBRARY.factorCount()).isGreaterThan(1000);
        for (var set : LIBRARY.sets()) {
            for (EmissionFactor factor : set.factors()) {
                UncertaintyTable.Value value = TABLE.factor(factor);
                assertThat(value.uncertainty()).as(factor.id()).isGreaterThan(0).isLessThanOrEqualTo(3);
                assertThat(value.basis()).as(factor.id()).isNotBlank().isNotEqualTo("none");
            }
        }
    }

    @Test
    void singleGasFactorsTakeTheNotesValues() {
        // Research note § 8a: electricity fallback 10 %, hydro-dominated grids 50 %, USEEIO S = 1.53, waste 30 %.
        assertThat(factor("eccc-electricity-ca-on-2019").uncertainty()).isEqualTo(0.10);
        assertThat(factor("eccc-electricity-ca-qc-2019").uncertainty()).isEqualTo(0.50);
        assertThat(factor("eccc-electricity-ca-qc-2019").shape()).isEqualTo(Shape.LOGNORMAL);
        assertThat(factor("eccc-electricity-ca-bc-2019").uncertainty()).isEqualTo(0.50);
        assertThat(factor("useeio-111110").uncertainty()).isEqualTo(0.53);
        assertThat(factor("useeio-111110").basis()).startsWith("Empreinte assumption: ");
        assertThat(factor("desnz-2024-waste-mixed-landfill").uncertainty()).isEqualTo(0.30);
        assertThat(factor("desnz-2024-purchase-paper").uncertainty()).isEqualTo(0.30);
    }

    @Test
    void aFactorsGasesCombineByTheirSharesInQuadrature() {
        // eccc-natural-gas-ca-qc, AR5: CO2 1.926, CH4 0.000037 x 28 = 0.001036, N2O 0.000035 x 265 = 0.009275 kg CO2e/m3;
        // total 1.936311; shares 0.994675, 0.000535, 0.004790. IPCC Vol. 2 Table 2.4: CO2 3.9 %, CH4 and N2O 200 %:
        // sqrt((0.994675 x 0.039)^2 + (0.000535 x 2)^2 + (0.004790 x 2)^2) = sqrt(0.0015048 + 0.0000011 + 0.0000918)
        // = 0.03997: the 0.5 % of methane and nitrous oxide add a tenth of a point.
        UncertaintyTable.Value gas = factor("eccc-natural-gas-ca-qc");
        assertThat(gas.uncertainty()).isCloseTo(0.039972, within(1e-6));
        assertThat(gas.shape()).isEqualTo(Shape.NORMAL);
        assertThat(gas.basis()).contains("Table 2.4, p. 2.20");
        // desnz-2024-petrol-l: CO2 2.07047, CH4 0.00806, N2O 0.00587 kg CO2e/L; IPCC Vol. 2 Tables 3.2.1 and 3.2.2:
        // 5.3 %, 242 %, 198 %: sqrt((2.07047/2.0844 x 0.053)^2 + (0.00806/2.0844 x 2.42)^2 + (0.00587/2.0844 x 1.98)^2)
        // = 0.05376
        assertThat(factor("desnz-2024-petrol-l").uncertainty()).isCloseTo(0.053761, within(1e-6));
        // CO2 alone: the IPCC interval's larger side.
        assertThat(factor("eccc-gasoline-ca").uncertainty()).isCloseTo(0.053, within(1e-12));
        assertThat(factor("eccc-light-fuel-oil-ca").uncertainty()).isCloseTo(0.020, within(1e-12));
    }

    @Test
    void dataQualitiesTakeTheNotesValues() {
        // IPCC Vol. 2 p. 2.40 and Table 2.15 (p. 2.41); waste Vol. 5 Table 3.5 (p. 3.27).
        assertThat(TABLE.quantity("measured", "electricity").uncertainty()).isEqualTo(0.05);
        assertThat(TABLE.quantity("estimated", "natural_gas").uncertainty()).isEqualTo(0.10);
        assertThat(TABLE.quantity("extrapolated", "flight").uncertainty()).isEqualTo(0.25);
        assertThat(TABLE.quantity("measured", "waste").uncertainty()).isEqualTo(0.10);
        assertThat(TABLE.quantity("estimated", "waste").uncertainty()).isEqualTo(0.30);
        assertThat(TABLE.quantity("extrapolated", "waste").uncertainty()).isEqualTo(1.00);
        assertThat(TABLE.quantity("extrapolated", "waste").shape()).isEqualTo(Shape.LOGNORMAL);
        assertThat(TABLE.qualities()).containsExactlyInAnyOrderElementsOf(ActivityPreparation.DATA_QUALITIES);
    }

    @Test
    void aFactorFilesOwnUncertaintyComesFirst(@TempDir Path folder) throws IOException {
        Path copy = copyShipped(folder);
        Path canada = copy.resolve("eccc-canada.yml");
        Files.writeString(canada, Files.readString(canada).replace(
                "citation: \"Table A13-6, Québec, data year 2019", "uncertainty: 0.07, citation: \"Table A13-6, Québec, data year 2019"));
        UncertaintyTable table = UncertaintyLoader.load(copy);
        EmissionFactor quebec = LIBRARY.factor("eccc-electricity-ca-qc-2019").orElseThrow();
        assertThat(table.factor(quebec).uncertainty()).isEqualTo(0.07);
        assertThat(table.factor(quebec).basis()).startsWith("published with the factor: Table A13-6");
    }

    @Test
    void aValueWithoutSourceOrAssumptionStopsTheStart(@TempDir Path folder) throws IOException {
        Path copy = copyShipped(folder);
        Path file = copy.resolve(UncertaintyLoader.FILE);
        Files.writeString(file, Files.readString(file).replace(
                "all: {uncertainty: 0.10, assumption: \"No published uncertainty for a grid's", "all: {uncertainty: 0.10, note: \""));
        assertThatThrownBy(() -> UncertaintyLoader.load(copy)).isInstanceOf(FactorFileException.class)
                .hasMessageContaining("uncertainty.yml").hasMessageContaining("factors[8].gases.all")
                .hasMessageContaining("needs a source and citation, or the assumption");
        Files.writeString(file, Files.readString(file).replace("uncertainty: 0.039,", "uncertainty: 3.9%,"));
        assertThatThrownBy(() -> UncertaintyLoader.load(copy)).isInstanceOf(FactorFileException.class)
                .hasMessageContaining("factors[0].gases.CO2.uncertainty");
    }

    @Test
    void aFolderWithoutTheFileGivesPointFigures(@TempDir Path folder) {
        UncertaintyTable none = UncertaintyLoader.load(folder);
        assertThat(none.factor(LIBRARY.factor("eccc-natural-gas-ca-qc").orElseThrow()).uncertainty()).isZero();
        assertThat(none.quantity("measured", "electricity").uncertainty()).isZero();
    }

    private static UncertaintyTable.Value factor(String id) {
        return TABLE.factor(LIBRARY.factor(id).orElseThrow(() -> new AssertionError("no factor " + id)));
    }

    private static Path copyShipped(Path folder) throws IOException {
        Path copy = Files.createDirectories(folder.resolve("factors"));
        try (Stream<Path> files = Files.list(SHIPPED_FOLDER)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
