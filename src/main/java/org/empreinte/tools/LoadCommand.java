package org.empreinte.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code java -jar target/empreinte.jar load FILE [--url URL]}: creates the organization, sites
 * and activities of an example file through the running service's API, as any client would.
 */
public class LoadCommand extends Command {

    public LoadCommand() {
        super("load", "Loads an example file (organization, sites, activities) through the API of a running service");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("file").help("a JSON file such as examples/cpe-montreal-2024.json");
        subparser.addArgument("--url").setDefault("http://localhost:8080").help("the service's address");
        subparser.addArgument("--token").help("an API token (default: the environment's EMPREINTE_TOKEN, else"
                + " EMPREINTE_ADMIN_TOKEN)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        ObjectMapper json = bootstrap.getObjectMapper();
        JsonNode document = json.readTree(Files.readString(Path.of(namespace.getString("file"))));
        String base = namespace.getString("url").replaceAll("/+$", "");
        HttpClient http = HttpClient.newHttpClient();
        String token = namespace.getString("token") != null ? namespace.getString("token")
                : System.getenv("EMPREINTE_TOKEN") != null ? System.getenv("EMPREINTE_TOKEN") : System.getenv("EMPREINTE_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the API needs a token: --token, or EMPREINTE_TOKEN in the environment"
                    + " (create one on the account page), or the EMPREINTE_ADMIN_TOKEN the service was started with");
        }
        authorization = "Bearer " + token.strip();

        JsonNode organization = post(http, json, base + "/api/organizations", document.get("organization"));
        long id = organization.get("id").asLong();
        for (JsonNode site : document.path("sites")) {
            post(http, json, base + "/api/organizations/" + id + "/sites", site);
        }
        double total = 0;
        int count = 0;
        for (JsonNode activity : document.path("activities")) {
            total += post(http, json, base + "/api/organizations/" + id + "/activities", activity).get("co2eKg").asDouble();
            count++;
        }
        System.out.printf("Organization %d \"%s\": %d activities, %.1f kg CO2e.%nOpen %s/organizations/%d%n",
                id, organization.get("name").asText(), count, total, base, id);
    }

    private String authorization;

    private JsonNode post(HttpClient http, ObjectMapper json, String url, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body()
                    + "\nfor " + body);
        }
        return json.readTree(response.body());
    }
}
