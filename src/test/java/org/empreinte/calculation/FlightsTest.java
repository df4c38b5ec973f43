package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.empreinte.calculation.Flights.Airport;

class FlightsTest {

    // Coordinates as in emission-factors/airports.csv (OurAirports).
    static final Airport YUL = new Airport("YUL", "Montréal-Trudeau", "Montréal", "CA", "CA-QC", 45.4706001282, -73.7407989502);
    static final Airport CDG = new Airport("CDG", "Charles de Gaulle", "Paris", "FR", "FR-IDF", 49.012798, 2.55);
    static final Airport YQB = new Airport("YQB", "Jean-Lesage", "Québec", "CA", "CA-QC", 46.7911, -71.393303);

    @Nested
    class GreatCircle {

        @Test
        void montrealParisMatchesThePublishedDistance() {
            double km = Flights.greatCircleKm(YUL, CDG);
            // The same haversine computed independently (Python, R = 6,371.0088 km) gives 5,523.489 km.
            assertThat(km).isCloseTo(5523.489, within(0.01));
            // Published great-circle distances for YUL-CDG are about 5,525 km: within 0.5 %.
            assertThat(km).isCloseTo(5525.0, within(5525.0 * 0.005));
        }

        @Test
        void isSymmetricAndZeroForOneAirport() {
            assertThat(Flights.greatCircleKm(CDG, YUL)).isCloseTo(Flights.greatCircleKm(YUL, CDG), within(1e-9));
            assertThat(Flights.greatCircleKm(YUL, YUL)).isZero();
        }

        @Test
        void aQuarterOfTheEquatorIsAQuarterOfTheCircumference() {
            Airport origin = new Airport("AAA", "", "", "", "", 0, 0);
            Airport quarter = new Airport("BBB", "", "", "", "", 0, 90);
            assertThat(Flights.greatCircleKm(origin, quarter)).isCloseTo(Math.PI / 2 * 6371.0088, within(1e-6));
        }
    }

    @Nested
    class Bands {

        @Test
        void byTheDistanceOfOneLeg() {
            assertThat(Flights.haul(Flights.greatCircleKm(YUL, YQB))).isEqualTo("domestic");
            assertThat(Flights.haul(499.99)).isEqualTo("domestic");
            assertThat(Flights.haul(500)).isEqualTo("short");
            assertThat(Flights.haul(3700)).isEqualTo("short");
            assertThat(Flights.haul(3700.01)).isEqualTo("long");
            assertThat(Flights.haul(Flights.greatCircleKm(YUL, CDG))).isEqualTo("long");
        }

        @Test
        void aCabinTheBandDoesNotPublishTakesTheNearestOne() {
            assertThat(Flights.cabinFactor("domestic", "business")).isEqualTo("average");
            assertThat(Flights.cabinFactor("short", "premium_economy")).isEqualTo("economy");
            assertThat(Flights.cabinFactor("short", "first")).isEqualTo("business");
            assertThat(Flights.cabinFactor("long", "first")).isEqualTo("first");
            assertThat(Flights.cabinFactor("long", null)).isEqualTo("average");
        }

        @Test
        void criteria() {
            assertThat(Flights.criteria(5523, "economy", true))
                    .isEqualTo(Map.of("haul", "long", "cabin", "economy", "radiativeForcing", "true"));
            assertThat(Flights.criteria(233, "first", false))
                    .isEqualTo(Map.of("haul", "domestic", "cabin", "average", "radiativeForcing", "false"));
        }
    }
}
