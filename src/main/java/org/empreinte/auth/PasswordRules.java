package org.empreinte.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import org.empreinte.web.Messages;
import org.empreinte.web.ValidationException;

/**
 * What a chosen password must be: 12 to 128 characters, and not easy to guess, as zxcvbn estimates
 * it (score 3 of 4 or more: about a hundred million guesses or more, beyond what the sign-in throttle
 * lets anyone try). The length is checked first, so a huge text is refused before the estimator or
 * Argon2 spends anything on it. The refusal says why in the reader's language: each kind of zxcvbn
 * warning has a message of Empreinte's own bundles.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    /** Room for any passphrase or password manager; more is no safer and only costs hashing. */
    static final int MAX_LENGTH = 128;
    static final int MIN_SCORE = 3;

    /** Thread-safe, its maintainers say (nulab/zxcvbn4j#71): one for all, its dictionaries loaded once. */
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    /** Hands zxcvbn's feedback back as its message keys, whatever the JVM's language, to be mapped to ours. */
    private static final ResourceBundle KEYS = new ResourceBundle() {
        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };

    private PasswordRules() {
    }

    /**
     * @param personal what zxcvbn should count as easy to guess for this person: their email, name, and
     *     when changing, the current password
     * @throws ValidationException naming {@code field}
     */
    static void check(String field, String password, String... personal) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new ValidationException(field, "a password has at least " + MIN_LENGTH + " characters",
                    "error_password_short", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new ValidationException(field, "a password has at most " + MAX_LENGTH + " characters",
                    "error_password_long", MAX_LENGTH);
        }
        Strength strength = ESTIMATOR.measure(password, inputs(personal));
        if (strength.getScore() < MIN_SCORE) {
            String key = messageKey(strength);
            throw new ValidationException(field, Messages.of(Messages.ENGLISH).get(key), key);
        }
    }

    private static List<String> inputs(String... personal) {
        // The site's own names are among an attacker's first guesses.
        List<String> inputs = new ArrayList<>(List.of("empreinte", "chantier"));
        for (String value : personal) {
            if (value != null && !value.isBlank()) {
                String lower = value.strip().toLowerCase(Locale.ROOT);
                inputs.add(lower);
                // An email's parts are guessed apart: "marie.tremblay" and "coop-exemple" from marie.tremblay@coop-exemple.org.
                for (String part : lower.split("[@.\\s_+-]+")) {
                    if (part.length() >= 3) {
                        inputs.add(part);
                    }
                }
            }
        }
        return inputs;
    }

    /** The message for zxcvbn's warning: its keys name the kind of pattern it found (feedback.repeat.warning.likeAAA...). */
    private static String messageKey(Strength strength) {
        boolean personal = strength.getSequence().stream().anyMatch(match -> "user_inputs".equals(match.dictionaryName));
        if (personal) {
            return "error_password_guessable_personal";
        }
        String warning = strength.getFeedback().withResourceBundle(KEYS).getWarning();
        if (warning == null || warning.isEmpty()) {
            return "error_password_guessable";
        }
        if (warning.startsWith("feedback.dictionary.warning.passwords")) {
            return "error_password_guessable_common";
        }
        if (warning.startsWith("feedback.dictionary.")) {
            return "error_password_guessable_word";
        }
        if (warning.startsWith("feedback.spatial.")) {
            return "error_password_guessable_keyboard";
        }
        if (warning.startsWith("feedback.repeat.") || warning.startsWith("feedback.sequence.")) {
            return "error_password_guessable_repeat";
        }
        if (warning.startsWith("feedback.regex.") || warning.startsWith("feedback.date.")) {
            return "error_password_guessable_date";
        }
        return "error_password_guessable";
    }
}
