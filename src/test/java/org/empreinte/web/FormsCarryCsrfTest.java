package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every form a page posts carries the session's CSRF token, or the authentication filter refuses it. */
class FormsCarryCsrfTest {

    @Test
    void everyPostedFormOfEveryTemplateHasItsCsrfField() throws IOException {
        Pattern form = Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL);
        List<String> missing = new ArrayList<>();
        int forms = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/org/empreinte"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".mustache")).toList()) {
                // Signing in opens the session: there is no token before it.
                if (file.getFileName().toString().equals("sign-in.mustache")) {
                    continue;
                }
                Matcher m = form.matcher(Files.readString(file));
                while (m.find()) {
                    forms++;
                    if (!m.group(1).contains("name=\"csrf\" value=\"{{csrf}}\"")) {
                        missing.add(file.getFileName() + ": " + m.group().lines().findFirst().orElse(""));
                    }
                }
            }
        }
        assertThat(forms).isGreaterThan(10);
        assertThat(missing).isEmpty();
    }
}
