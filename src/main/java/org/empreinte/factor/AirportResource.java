package org.empreinte.factor;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.empreinte.calculation.Flights;
import org.empreinte.calculation.Flights.Airport;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * Airports for the flight form: suggestions as a code or city is typed, and the great-circle distance of a pair
 * (each an IATA code or a city, as a flight takes them).
 */
@Path("/api/airports")
@Produces(MediaType.APPLICATION_JSON)
public class AirportResource {

    private final AirportDirectory airports;

    public AirportResource(AirportDirectory airports) {
        this.airports = airports;
    }

    @Allow(Permission.SIGNED_IN)
    @GET
    public List<Airport> search(@QueryParam("q") String query) {
        return airports.search(query, 10);
    }

    @Allow(Permission.SIGNED_IN)
    @GET
    @Path("/distance")
    public Map<String, Object> distance(@QueryParam("from") String from, @QueryParam("to") String to) {
        for (String[] parameter : new String[][] {{"from", from}, {"to", to}}) {
            if (parameter[1] == null || parameter[1].isBlank()) {
                throw new ValidationException(parameter[0], parameter[0] + " (an IATA airport code) is required", "error_required");
            }
        }
        Airport origin = airports.resolve(from, "from");
        Airport destination = airports.resolve(to, "to");
        double km = Flights.greatCircleKm(origin, destination);
        return Map.of("from", origin.iata(), "to", destination.iata(), "distanceKm", km, "haul", Flights.haul(km));
    }
}
