package org.empreinte.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code java -jar target/empreinte.jar load FILE [--url URL]}: creates the organization, sites
 * and activities of an example file through the running service's API, as any client would.
 *
 * <p>It finds the service where the server listens with the same environment ({@code PORT}), so that a
 * shell that started one on another port can load into it without repeating the address. Standard output
 * gets the new organization's id alone, for {@code ORG=$(java -jar target/empreinte.jar load FILE)} in a
 * script; what was loaded goes to standard error, which the terminal still shows.
 */
public class LoadCommand extends Command {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public LoadCommand() {
        this(System.out, System.err, System.getenv());
    }

    /** With the streams and environment of a test, which cannot change its own process's. */
    public LoadCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        super("load", "Loads an example file (organization, sites, activities) through the API of a running service,"
                + " and prints the new organization's id");
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("file").help("a JSON file such as examples/cpe-montreal-2024.json");
        subparser.addArgument("--url").help("the service's address (default: http://localhost:$PORT, as the server"
                + " listens with config.yml; PORT is 8080 unless set)");
        subparser.addArgument("--token").help("an API token (default: the environment's EMPREINTE_TOKEN, else"
                + " EMPREINTE_ADMIN_TOKEN)");
    }

    /** The address given, else the one the server started from config.yml in this environment listens on. */
    String serviceAddress(String url) {
        String port = environment.getOrDefault("PORT", "");
        String base = url != null && !url.isBlank() ? url.strip().replaceAll("/+$", "")
                : "http://localhost:" + (port.isBlank() ? "8080" : port.strip());
        try {
            URI uri = URI.create(base + "/");
            if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)://host");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("Nothing loaded: " + base + " is not a service address (" + (url != null && !url.isBlank()
                    ? "--url" : "from PORT=" + port) + "); give one such as http://localhost:8080 with --url");
        }
        return base;
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        ObjectMapper json = bootstrap.getObjectMapper();
        Path file = Path.of(namespace.getString("file"));
        if (!Files.isReadable(file)) {
            throw new CommandFailure("Nothing loaded: cannot read " + file);
        }
        JsonNode document;
        try {
            document = json.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new CommandFailure("Nothing loaded: " + file + " is not JSON: " + e.getOriginalMessage());
        }
        String base = serviceAddress(namespace.getString("url"));
        String token = namespace.getString("token") != null ? namespace.getString("token")
                : environment.get("EMPREINTE_TOKEN") != null ? environment.get("EMPREINTE_TOKEN") : environment.get("EMPREINTE_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            throw new CommandFailure("Nothing loaded: the API needs a token: --token, or EMPREINTE_TOKEN in the environment"
                    + " (create one on the account page, " + base + "/account), or the EMPREINTE_ADMIN_TOKEN the service was"
                    + " started with");
        }
        Client client = new Client(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), json, base,
                "Bearer " + token.strip());

        JsonNode organization = client.post("/api/organizations", document.get("organization"));
        long id = organization.get("id").asLong();
        double total = 0;
        int count = 0;
        try {
            for (JsonNode site : document.path("sites")) {
                client.post("/api/organizations/" + id + "/sites", site);
            }
            for (JsonNode activity : document.path("activities")) {
                // Every line of the activity, as its footprint counts it (a gas bill's upstream with its combustion).
                JsonNode created = client.post("/api/organizations/" + id + "/activities", activity);
                total += created.has("allLinesCo2eKg") ? created.get("allLinesCo2eKg").asDouble()
                        : created.get("co2eKg").asDouble();
                count++;
            }
        } catch (CommandFailure e) {
            // The API has no transaction across requests: say what stays, so that a second run is not a surprise.
            throw new CommandFailure(e.getMessage() + " (organization " + id + " was created, with " + count
                    + " activities before this)", e);
        }
        err.printf(Locale.ROOT, "Organization %d \"%s\": %d activities, %.1f kg CO2e.%nOpen %s/organizations/%d%n",
                id, organization.get("name").asText(), count, total, base, id);
        err.flush();
        out.println(id);
        out.flush();
    }

    private record Client(HttpClient http, ObjectMapper json, String base, String authorization) {

        JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
            String url = base + path;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw unreachable(base, e);
            }
            if (response.statusCode() / 100 != 2) {
                throw new CommandFailure("POST " + url + " answered " + response.statusCode() + ": "
                        + response.body().replaceAll("\\s+", " ") + " (for " + body + ")"
                        + (response.statusCode() == 401 ? "; check the token (EMPREINTE_TOKEN or --token)" : ""));
            }
            return json.readTree(response.body());
        }
    }

    /** One line: which address, why, and what to do about it. */
    static CommandFailure unreachable(String base, IOException e) {
        String reason = e instanceof java.net.http.HttpConnectTimeoutException ? "no answer within 10 s"
                : e instanceof java.net.ConnectException && e.getCause() instanceof java.nio.channels.UnresolvedAddressException
                        ? "unknown host"
                : e instanceof java.net.ConnectException ? "connection refused"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new CommandFailure("Cannot reach the service at " + base + " (" + reason + "): is the service running?"
                + " Start it with: " + CommandFailure.START_THE_SERVICE + " (it listens on PORT, 8080 unless set),"
                + " or give its address with --url", e);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof CommandFailure) {
            cli.getStdErr().println(e.getMessage());
            cli.getStdErr().flush();
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
