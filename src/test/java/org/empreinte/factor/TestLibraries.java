package org.empreinte.factor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Factor libraries for tests: the shipped files, and a copy of them where a factor has since been updated. */
public final class TestLibraries {

    public static final List<String> ORDER = List.of("eccc-canada", "desnz-2024");

    private TestLibraries() {
    }

    /** The shipped library, read once per test JVM for each selection order: it is immutable, and a class reading
     * its own spent 0.3 to 1 s of the fast tier's time on the same 2,000 factors. */
    private static final java.util.Map<List<String>, FactorLibrary> SHIPPED = new java.util.concurrent.ConcurrentHashMap<>();

    public static FactorLibrary shipped() {
        return shipped(ORDER);
    }

    /** The shipped files in this selection order (read once per JVM). */
    public static FactorLibrary shipped(List<String> order) {
        return SHIPPED.computeIfAbsent(List.copyOf(order),
                key -> new FactorLibraryLoader().load(Path.of("emission-factors"), key));
    }

    /**
     * A copy of the shipped files in {@code folder} where Québec's 2020 electricity factor is 2.6 g CO2e/kWh
     * instead of 1.9 and eccc-canada is version 3: a factor update as a new edition would bring it. Its generation
     * intensity moves with it, 1.5 to 2.2 g/kWh (the losses, 0.4 g, unchanged), so that a bill's two lines add up
     * to the new consumption intensity as they did to the old.
     */
    public static FactorLibrary quebecElectricityUpdated(Path folder) throws IOException {
        Path copy = Files.createDirectories(folder.resolve("factors"));
        try (Stream<Path> files = Files.list(Path.of("emission-factors"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path canada = copy.resolve("eccc-canada.yml");
        String text = Files.readString(canada)
                .replace("version: \"2\"", "version: \"3\"")
                .replace("region: CA-QC, year: 2020, unit: kWh, scope: 2, category: purchased_electricity, co2e: 0.0019",
                        "region: CA-QC, year: 2020, unit: kWh, scope: 2, category: purchased_electricity, co2e: 0.0026")
                .replace("region: CA-QC, year: 2020, unit: kWh, scope: 2, category: purchased_electricity, co2e: 0.0015",
                        "region: CA-QC, year: 2020, unit: kWh, scope: 2, category: purchased_electricity, co2e: 0.0022");
        Files.writeString(canada, text);
        return new FactorLibraryLoader().load(copy, ORDER);
    }

    /**
     * A copy of the shipped files in {@code folder} as they were before activities had several emission lines
     * (change set 18-activity-lines): the upstream, generation and losses factors renamed to types no activity
     * takes, so that electricity takes its consumption intensity alone and fuels have no upstream line.
     */
    public static FactorLibrary beforeEmissionLines(Path folder) throws IOException {
        Path copy = Files.createDirectories(folder.resolve("factors-before-lines"));
        try (Stream<Path> files = Files.list(Path.of("emission-factors"))) {
            for (Path file : files.toList()) {
                Files.writeString(copy.resolve(file.getFileName()), Files.readString(file)
                        .replace("type: electricity_generation", "type: unused_generation")
                        .replace("type: electricity_losses", "type: unused_losses")
                        .replace("_upstream\n", "_upstream_unused\n"));
            }
        }
        return new FactorLibraryLoader().load(copy, ORDER);
    }
}
