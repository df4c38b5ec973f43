package org.empreinte;

import java.util.Optional;

/**
 * What the console says once the service listens: the address to open and how to sign in. On a new database that is
 * the first thing a person needs, and the log lines before it bury the address Jetty prints.
 */
final class StartupMessage {

    private StartupMessage() {
    }

    /**
     * @param address where the pages answer, e.g. {@code http://localhost:8080}
     * @param email the first administrator's e-mail
     * @param firstAdministrator empty when accounts existed already; else the password chosen for the administrator just
     *        created, or "" when it came from the configuration ({@code EMPREINTE_ADMIN_PASSWORD})
     */
    static String text(String address, String email, Optional<String> firstAdministrator) {
        String base = address.replaceAll("/+$", "");
        StringBuilder text = new StringBuilder("%n  Empreinte is ready: open ").append(base).append("/%n");
        if (firstAdministrator.isEmpty()) {
            text.append("  Sign in with your account at ").append(base).append("/login%n");
        } else if (firstAdministrator.get().isEmpty()) {
            text.append("  Sign in at ").append(base).append("/login as ").append(email)
                    .append(", with the password set in EMPREINTE_ADMIN_PASSWORD%n");
        } else {
            text.append("  Sign in at ").append(base).append("/login as ").append(email).append(", password ")
                    .append(firstAdministrator.get()).append("%n")
                    .append("  (shown this once: change it on Mon compte, ").append(base).append("/account)%n");
        }
        return text.append("%n").toString().replace("%n", System.lineSeparator());
    }
}
