package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Entity;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

/**
 * The README's tour, run as a reader would paste it: every bash block after an {@code <!-- tour} comment, in order,
 * as one bash script, against the service on a new database and a port of its own ({@code PORT}), with a token of
 * the first administrator's. Each {@code # →} line promises what the command above it prints: every number on it
 * must be in that command's output, rounded as the README writes it. So a tour that no longer runs, or a promised
 * number that is no longer true, fails the build.
 *
 * <p>{@code empreinte() { java -jar target/empreinte.jar "$@"; }}, which the tour defines once, becomes the same
 * commands on the test classpath: the jar is built after the tests.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow // the JVMs of the tour's two load commands and its 100 requests: 10 s and more besides the start
class ReadmeTourTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    /** The line the tour defines its commands with, which the test replaces. */
    static final String COMMANDS = "empreinte() { java -jar target/empreinte.jar \"$@\"; }";

    private static final Pattern PROMISE = Pattern.compile("^\\s*# → (.*)$");
    /** A number as the README writes it: 26,767.2 or 12.50 or 409, not the 2 of CO2 nor the 13 of A13-6. */
    private static final Pattern WRITTEN_NUMBER = Pattern.compile("(?<![\\w.,-])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\w])"
            + "|(?<![\\w.,-])\\d+(?:\\.\\d+)?(?![\\w])");
    private static final Pattern OUTPUT_NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private static final String MARK = "@@promise ";

    @TempDir
    Path folder;

    /** A promise: the README's line and its numbers. */
    record Promise(String line, List<BigDecimal> numbers) {
    }

    /** The tour as a script: its lines, with a mark after each command that has a promise, and the promises in order. */
    record Tour(String script, List<Promise> promises) {
    }

    static Tour tour(String readme) {
        StringBuilder script = new StringBuilder();
        List<Promise> promises = new ArrayList<>();
        List<String> lines = readme.lines().toList();
        boolean marked = false;
        boolean inTour = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (inTour) {
                if (line.strip().equals("```")) {
                    inTour = false;
                    continue;
                }
                Matcher promise = PROMISE.matcher(line);
                if (promise.matches()) {
                    String previous = lines.get(i - 1).strip();
                    assertThat(previous).as("a promise follows a whole command: " + line).doesNotEndWith("\\");
                    script.append("printf '\\n").append(MARK).append(promises.size()).append("@@\\n'\n");
                    promises.add(new Promise(line.strip(), numbers(promise.group(1))));
                }
                script.append(line).append('\n');
            } else if (line.startsWith("<!-- tour")) {
                marked = true;
            } else if (marked && line.strip().equals("```bash")) {
                inTour = true;
                marked = false;
            } else if (marked && !line.isBlank()) {
                fail("a <!-- tour --> mark is followed by something else than a ```bash block: " + line);
            }
        }
        return new Tour(script.toString(), promises);
    }

    static List<BigDecimal> numbers(String promise) {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher m = WRITTEN_NUMBER.matcher(promise);
        while (m.find()) {
            numbers.add(new BigDecimal(m.group().replace(",", "")));
        }
        return numbers;
    }

    /** Whether the output holds this number, as the README rounds it (12.50 is 12.503...; 409 is 409). */
    static boolean holds(String output, BigDecimal promised) {
        Matcher m = OUTPUT_NUMBER.matcher(output);
        while (m.find()) {
            BigDecimal found = new BigDecimal(m.group());
            if (found.setScale(Math.max(promised.scale(), 0), RoundingMode.HALF_UP).compareTo(promised) == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theReadmesTourRunsAsWrittenAndPrintsWhatItPromises() throws Exception {
        requireTools();
        Tour tour = tour(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertThat(tour.script()).as("the tour defines the commands once").containsOnlyOnce(COMMANDS);
        assertThat(tour.promises()).as("the tour's promises").hasSizeGreaterThanOrEqualTo(6);
        String script = "set -euo pipefail\n"
                + tour.script().replace(COMMANDS, "empreinte() { \"$EMPREINTE_TEST_JAVA\" -XX:TieredStopAtLevel=1"
                        + " -cp \"$EMPREINTE_TEST_CLASSPATH\" org.empreinte.EmpreinteApplication \"$@\"; }");
        assertThat(script).as("every command of the tour goes through the function the test redefines")
                .doesNotContain("java -jar");

        // A folder of the tour's own (its export file goes there), with the project's example files.
        Files.createSymbolicLink(folder.resolve("examples"), Path.of("examples").toAbsolutePath());
        Path file = Files.writeString(folder.resolve("tour.sh"), script, StandardCharsets.UTF_8);
        ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).directory(folder.toFile()).redirectErrorStream(true);
        Map<String, String> environment = bash.environment();
        environment.remove("EMPREINTE_ADMIN_TOKEN");
        environment.put("PORT", Integer.toString(APP.getLocalPort()));
        environment.put("EMPREINTE_TOKEN", firstAdministratorsToken());
        environment.put("EMPREINTE_TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        environment.put("EMPREINTE_TEST_CLASSPATH", System.getProperty("java.class.path"));
        // Into a file, so that a tour that hangs is stopped at the time-out instead of blocking a read.
        Path outputFile = folder.resolve("tour.out");
        bash.redirectOutput(outputFile.toFile());
        Process process = bash.start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(outputFile, StandardCharsets.UTF_8);

        assertThat(ended).as("the tour ended within 3 minutes; it printed:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("the tour ran to its end; it printed:%n%s", output).isZero();
        String[] parts = output.split("\n?" + Pattern.quote(MARK) + "\\d+@@\n", -1);
        assertThat(parts).as("a mark for each promise in:%n%s", output).hasSize(tour.promises().size() + 1);
        for (int i = 0; i < tour.promises().size(); i++) {
            Promise promise = tour.promises().get(i);
            String printed = parts[i];
            for (BigDecimal number : promise.numbers()) {
                assertThat(holds(printed, number)).as("README: \"%s\": %s is not in what the command printed:%n%s",
                        promise.line(), number.toPlainString(), printed).isTrue();
            }
        }
    }

    /** The reader creates a token on Mon compte; here the first administrator gets one through the API. */
    private static String firstAdministratorsToken() {
        ApiCalls api = new ApiCalls(APP);
        long id = api.list("/api/users").stream().filter(user -> TestApp.ADMIN_EMAIL.equals(user.get("email")))
                .map(user -> ((Number) user.get("id")).longValue()).findFirst().orElseThrow();
        Map<String, Object> token = api.request("/api/users/" + id + "/tokens")
                .post(Entity.json(Map.of("label", "README tour")), ApiCalls.JSON);
        return (String) token.get("token");
    }

    /** bash and curl are the tour's; a developer's machine without them skips it, CI must have them. */
    private static void requireTools() throws IOException, InterruptedException {
        for (String tool : List.of("bash", "curl")) {
            boolean present;
            try {
                Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                present = false;
            }
            if (System.getenv("CI") != null) {
                assertThat(present).as("%s is needed to run the README's tour, and CI is set", tool).isTrue();
            } else {
                Assumptions.assumeTrue(present, () -> "README tour skipped: " + tool + " is not installed");
            }
        }
    }
}
