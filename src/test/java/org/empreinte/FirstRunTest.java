package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

/**
 * A new database, as a person meets it the first time: the console says where to open the service and how to sign in,
 * and the home page, with no organization yet, says what to do first, in French and in English.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class FirstRunTest {

    private static final PrintStream CONSOLE = System.out;
    private static final ByteArrayOutputStream PRINTED = new ByteArrayOutputStream();

    static {
        // Before the application starts (the extension below), to read what it prints; the console still shows it.
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                PRINTED.write(b);
                CONSOLE.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                PRINTED.write(bytes, offset, length);
                CONSOLE.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
    }

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @AfterAll
    static void restoreTheConsole() {
        System.setOut(CONSOLE);
    }

    private static String page(String path) {
        return new ApiCalls(APP).request(path).get(String.class);
    }

    @Test
    void theConsoleSaysWhereToOpenTheServiceAndHowToSignIn() {
        String printed;
        synchronized (PRINTED) {
            printed = PRINTED.toString(StandardCharsets.UTF_8);
        }
        String address = "http://localhost:" + APP.getLocalPort();

        assertThat(printed).contains("Empreinte is ready: open " + address + "/",
                "Sign in at " + address + "/login as " + TestApp.ADMIN_EMAIL + ", with the password set in EMPREINTE_ADMIN_PASSWORD")
                .doesNotContain(TestApp.ADMIN_PASSWORD);
    }

    @Test
    void aPasswordMadeUpForTheFirstAdministratorIsShownOnceWithWhereToChangeIt() {
        assertThat(StartupMessage.text("http://localhost:18080/", "admin@empreinte.local", Optional.of("s3cr3t-Xyz")))
                .contains("Empreinte is ready: open http://localhost:18080/",
                        "Sign in at http://localhost:18080/login as admin@empreinte.local, password s3cr3t-Xyz",
                        "shown this once: change it on Mon compte, http://localhost:18080/account");
        assertThat(StartupMessage.text("http://localhost:8080", "admin@empreinte.local", Optional.empty()))
                .contains("open http://localhost:8080/", "Sign in with your account at http://localhost:8080/login")
                .doesNotContain("password");
    }

    @Test
    void theHomePageSaysWhatToDoFirstUntilThereIsAnOrganization() {
        String command = "java -jar target/empreinte.jar load --url http://localhost:" + APP.getLocalPort()
                + " examples/cpe-montreal-2024.json";

        String french = page("/?lang=fr");
        assertThat(french).contains("id=\"first-steps\"", "Créez la première ci-dessous", "chargez l&#39;exemple d&#39;un CPE",
                "href=\"/account\">Mon compte</a>", "export EMPREINTE_TOKEN=emp_...", command);
        String english = page("/?lang=en");
        assertThat(english).contains("id=\"first-steps\"", "Create the first one below", "load the example of a childcare centre",
                "href=\"/account\">My account</a>", command);

        new ApiCalls(APP).organization();

        assertThat(page("/?lang=fr")).doesNotContain("first-steps", "no-organizations");
    }
}
