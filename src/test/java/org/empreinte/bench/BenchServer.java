package org.empreinte.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.empreinte.EmpreinteApplication;

/**
 * The service as the benchmarks run it: a process of its own, and plain HTTP calls to it. The README's commands start
 * the packaged jar, what is measured; the test suite, which never builds the jar, starts the same main class from its
 * own classpath, so that the benchmarks run there at a tiny size.
 */
final class BenchServer {

    /** The administrator's token the benchmarks start the service with and call it with. */
    static final String TOKEN = "bench-admin-token-0123456789abcdef0123456789";

    private BenchServer() {
    }

    /** The command that runs the packaged jar, without its arguments. */
    static List<String> packagedJar() {
        return List.of(java(), "-jar", Path.of("target/empreinte.jar").toAbsolutePath().toString());
    }

    /** The command that runs the application from this JVM's classpath (target/classes and the dependencies under Maven). */
    static List<String> thisClasspath() {
        // Only C1, as in pom.xml's fast profile: these processes live seconds, where C2 costs more than it saves, and
        // the tiny run's figures are not the README's.
        return List.of(java(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EmpreinteApplication.class.getName());
    }

    /** The JVM running the benchmark, rather than whichever {@code java} the PATH finds first. */
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts the service on the database that {@code database} (DATABASE_URL and its login) names. */
    static Process start(List<String> service, Map<String, String> database, int port, int adminPort, Path work) throws IOException {
        List<String> command = new ArrayList<>(service);
        command.addAll(List.of("server", Path.of("config.yml").toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().putAll(database);
        builder.environment().put("EMPREINTE_ADMIN_TOKEN", TOKEN);
        builder.environment().put("EMISSION_FACTORS_DIR", Path.of("emission-factors").toAbsolutePath().toString());
        builder.redirectErrorStream(true).redirectOutput(log(work, port).toFile());
        return builder.start();
    }

    private static Path log(Path work, int port) {
        return work.resolve("server-" + port + ".log");
    }

    /** Healthy means the application port answers a page: the factor library is loaded and the schema migrated. */
    static void waitHealthy(Process server, int port, Path work) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            // A service that cannot start (a configuration or migration the change broke) says why at once, rather
            // than after the two minutes' wait, and in the failure itself: a CI run's temporary files are gone.
            if (!server.isAlive()) {
                List<String> lines = Files.readAllLines(log(work, port));
                throw new IllegalStateException("the service exited with code " + server.exitValue() + " before answering; the end of"
                        + " its log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/organizations")).header("Authorization", "Bearer " + TOKEN).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the service did not start within 120 s");
    }

    /** Milliseconds from starting the service to its answering, on an existing database; then stopped. */
    static long startAndStop(List<String> service, Map<String, String> database, Path work) throws Exception {
        int port = freePort();
        long t0 = System.nanoTime();
        Process server = start(service, database, port, freePort(), work);
        try {
            waitHealthy(server, port, work);
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** Milliseconds Dropwizard's {@code check} takes (the JVM started, the configuration read and validated). */
    static long check(List<String> service, Path work) throws Exception {
        List<String> command = new ArrayList<>(service);
        command.addAll(List.of("check", Path.of("config.yml").toAbsolutePath().toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("check.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed:\n" + Files.readString(work.resolve("check.log")));
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Sends an authenticated request; the body of the answer, which must have the expected status. */
    static String send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpRequest built = request.header("Authorization", "Bearer " + TOKEN).build();
        HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            String body = r.body();
            throw new Refused(r.statusCode(), built.method() + " " + built.uri() + " answered " + r.statusCode() + ": "
                    + body.substring(0, Math.min(body.length(), 500)));
        }
        return r.body();
    }

    /** An answer other than the one expected. */
    static final class Refused extends IllegalStateException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static String put(HttpClient http, String url, String json) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), 200);
    }

    static String post(HttpClient http, String url, String json) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), 201);
    }

    static String get(HttpClient http, String url) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(url)), 200);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A figure about to be printed: a broken measurement (nothing counted, a division by zero) fails the run instead
     * of printing 0 or NaN beside the others.
     */
    static double measured(String what, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalStateException(what + " measured " + value);
        }
        return value;
    }

    static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
