package org.empreinte.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A building's yearly energy estimated from its heated floor area, with the one published intensity shipped in
 * {@code building-energy-intensity.properties} (its source, edition and licence beside the number). Plain Java.
 */
public record BuildingEnergy(double gjPerSquareMetre, String source, String edition, String licence) {

    /** 1 GJ = 10^9 J and 1 kWh = 3.6 x 10^6 J. */
    static final double KWH_PER_GJ = 1e9 / 3.6e6;

    public static BuildingEnergy shipped() {
        Properties properties = new Properties();
        try (InputStream in = BuildingEnergy.class.getResourceAsStream("building-energy-intensity.properties")) {
            if (in == null) {
                throw new IllegalStateException("building-energy-intensity.properties is missing from the build");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildingEnergy(Double.parseDouble(properties.getProperty("gjPerSquareMetre")),
                properties.getProperty("source"), properties.getProperty("edition"), properties.getProperty("licence"));
    }

    /** The year's energy of a building of {@code squareMetres}, in kWh. */
    public double kwhPerYear(double squareMetres) {
        return squareMetres * gjPerSquareMetre * KWH_PER_GJ;
    }
}
