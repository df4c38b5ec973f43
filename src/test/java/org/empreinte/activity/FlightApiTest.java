package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.ApiCalls;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/** Flights through the API, each figure worked by hand from the DESNZ 2024 flight factors. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class FlightApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private final ApiCalls api = new ApiCalls(APP);
    private static final GenericType<Map<String, Object>> JSON = new GenericType<>() { };
    /** Haversine YUL-CDG from the shipped coordinates, computed independently (see FlightsTest). */
    private static final double YUL_CDG_KM = 5523.489;

    private long organization;

    @BeforeEach
    void organization() {
        organization = api.organization();
    }

    @Test
    void aMontrealParisEconomyRoundTripByAirports() {
        Map<String, Object> flight = post(activities(), Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "YUL", "to", "CDG", "cabin", "economy", "roundTrip", true, "passengers", 1)));
        // desnz-2024-flight-long-economy-rf: 0.20011 kg CO2e per passenger.km (long-haul, with RF), applied to the
        // great circle (DESNZ's 8 % uplift is in the factor): 5,523.489 km x 2 legs x 1 passenger x 0.20011.
        assertThat(number(flight.get("co2eKg")).doubleValue()).isCloseTo(YUL_CDG_KM * 2 * 0.20011, within(0.01));
        assertThat(number(flight.get("distanceKm")).doubleValue()).isCloseTo(YUL_CDG_KM, within(0.01));
        assertThat(flight.get("scope")).isEqualTo(3);
        assertThat(flight.get("category")).isEqualTo("business_travel");
        @SuppressWarnings("unchecked")
        Map<String, Object> factor = (Map<String, Object>) flight.get("factor");
        assertThat(factor.get("id")).isEqualTo("desnz-2024-flight-long-economy-rf");
        assertThat(factor.get("unit")).isEqualTo("km");
        assertThat(number(factor.get("quantity")).doubleValue()).isCloseTo(YUL_CDG_KM * 2, within(0.01));
    }

    @Test
    void theSameFlightUnderBothChoicesOfDesnzFactors() {
        Map<String, Object> bands = post(activities(), Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "YUL", "to", "CDG", "cabin", "economy", "flightFactors", "distance_bands")));
        Map<String, Object> nonUk = post(activities(), Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "YUL", "to", "CDG", "cabin", "economy", "flightFactors", "non_uk")));
        // Bands: long-haul, to/from UK, economy, with RF, 0.20011 kg per passenger.km: 5,523.489 x 0.20011 = 1,105.3 kg.
        assertThat(number(bands.get("co2eKg")).doubleValue()).isCloseTo(YUL_CDG_KM * 0.20011, within(0.01));
        // Non-UK: DESNZ 2024 "International, to/from non-UK", economy, with RF, 0.13465: 5,523.489 x 0.13465 = 743.7 kg.
        assertThat(number(nonUk.get("co2eKg")).doubleValue()).isCloseTo(YUL_CDG_KM * 0.13465, within(0.01));
        assertThat(((Map<?, ?>) nonUk.get("factor")).get("id")).isEqualTo("desnz-2024-flight-non-uk-economy-rf");
        // A short hop takes the non-UK factor too, its cabin's whatever the distance; unknown cabin: average passenger,
        // 0.1758 kg with RF: 300 km x 0.1758 = 52.74 kg (the domestic band's average would be 300 x 0.27257 = 81.77).
        Map<String, Object> hop = post(activities(), Map.of("type", "flight", "quantity", 300, "unit", "km",
                "date", "2024-03-05", "attributes", Map.of("flightFactors", "non_uk")));
        assertThat(number(hop.get("co2eKg")).doubleValue()).isCloseTo(300 * 0.1758, within(1e-9));
        Response refused = api.request(activities()).post(Entity.json(Map.of("type", "flight", "quantity", 300, "unit", "km",
                "date", "2024-03-05", "attributes", Map.of("flightFactors", "uk"))));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.readEntity(new GenericType<Map<String, Object>>() { }).get("field"))
                .isEqualTo("attributes.flightFactors");
    }

    @Test
    void aFlightByDistanceWithTwoPassengers() {
        Map<String, Object> flight = post(activities(), Map.of("type", "flight", "quantity", 300, "unit", "mi",
                "date", "2024-03-05", "attributes", Map.of("cabin", "business", "passengers", 2)));
        // 300 mi = 482.8032 km: under 500 km, the domestic band, whose only factor is the average passenger
        // (desnz-2024-flight-domestic-average-rf, 0.27257 kg per passenger.km): 482.8032 x 2 x 0.27257.
        assertThat(number(flight.get("co2eKg")).doubleValue()).isCloseTo(482.8032 * 2 * 0.27257, within(1e-6));
        assertThat(((Map<?, ?>) flight.get("factor")).get("id")).isEqualTo("desnz-2024-flight-domestic-average-rf");
    }

    @Test
    void anUnknownAirportIsRefusedByNameAndNothingIsStored() {
        Response response = request(activities()).post(Entity.json(Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "YUL", "to", "XQZ"))));
        assertThat(response.getStatus()).isEqualTo(422);
        Map<String, Object> body = response.readEntity(JSON);
        assertThat(body.get("field")).isEqualTo("attributes.to");
        assertThat((String) body.get("message")).contains("XQZ");
        assertThat(list(activities())).isEmpty();
    }

    @Test
    void airportsAndADistanceTogetherAreRefused() {
        Response response = request(activities()).post(Entity.json(Map.of("type", "flight", "date", "2024-06-10",
                "quantity", 100, "unit", "km", "attributes", Map.of("from", "YUL", "to", "YQB"))));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(JSON).get("field")).isEqualTo("quantity");
    }

    @Test
    void reportingWithoutRadiativeForcingRecomputesTheFlights() {
        post(activities(), Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "YUL", "to", "CDG", "cabin", "economy", "roundTrip", true)));
        assertThat(footprint().get("flightsIncludeRadiativeForcing")).isEqualTo(true);

        Response update = request("/api/organizations/" + organization).put(Entity.json(Map.of("name", "Chantier",
                "sector", "813", "region", "CA-QC", "employees", 30, "includeRadiativeForcing", false)));
        assertThat(update.getStatus()).isEqualTo(200);

        Map<String, Object> footprint = footprint();
        assertThat(footprint.get("flightsIncludeRadiativeForcing")).isEqualTo(false);
        // desnz-2024-flight-long-economy-no-rf: 0.11812 kg per passenger.km.
        assertThat(number(footprint.get("totalCo2eKg")).doubleValue()).isCloseTo(YUL_CDG_KM * 2 * 0.11812, within(0.01));
        assertThat(((Map<?, ?>) list(activities()).get(0).get("factor")).get("id")).isEqualTo("desnz-2024-flight-long-economy-no-rf");

        // A later update that leaves the option out keeps it.
        request("/api/organizations/" + organization).put(Entity.json(Map.of("name", "Chantier du Québec", "sector", "813",
                "region", "CA-QC", "employees", 30)));
        assertThat(footprint().get("flightsIncludeRadiativeForcing")).isEqualTo(false);
    }

    private String activities() {
        return "/api/organizations/" + organization + "/activities";
    }

    private Map<String, Object> footprint() {
        return request("/api/organizations/" + organization + "/footprint?year=2024").get(JSON);
    }

    private List<Map<String, Object>> list(String path) {
        return api.list(path);
    }

    private Map<String, Object> post(String path, Map<String, Object> body) {
        return api.created(path, body);
    }

    private jakarta.ws.rs.client.Invocation.Builder request(String path) {
        return api.request(path);
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
