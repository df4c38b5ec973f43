package org.empreinte.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.empreinte.web.Messages;
import org.empreinte.web.ValidationException;

/** The rules of a chosen password, alone: length first, then zxcvbn's estimate. */
class PasswordRulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "aaaaaaaaaaaa,              error_password_guessable_repeat",
        "password1234,              error_password_guessable_common",
        "Password1234!,             error_password_guessable_common",
        "motdepasse123,             error_password_guessable_common",
        "qwertyuiop12,              error_password_guessable_common",
        "abcdefghijkl,              error_password_guessable_repeat",
        "MarieTremblay,             error_password_guessable_personal",
        "marie.tremblay@coop-exemple.org, error_password_guessable_personal",
        "empreinte2024,             error_password_guessable_personal",
    })
    void aGuessablePasswordIsRefusedSayingWhy(String password, String key) {
        ValidationException refused = refusal(password);
        assertThat(refused.field()).isEqualTo("password");
        assertThat(refused.messageKey()).isEqualTo(key);
        assertThat(refused.getMessage()).startsWith("This password is too easy to guess");
        assertThat(Messages.of(Messages.FRENCH).format(key)).startsWith("Ce mot de passe est trop facile à deviner");
    }

    @Test
    void lengthIsCheckedFirstAndNamesTheField() {
        ValidationException shortOne = refusal("x7Kp2qR9mZ4");
        assertThat(shortOne.messageKey()).isEqualTo("error_password_short");
        assertThat(shortOne.messageArgs()).containsExactly(12);
        // 129 characters of an otherwise fine password; and a huge one is refused on its length alone.
        ValidationException longOne = refusal("une phrase que personne ne devine ".repeat(4).substring(0, 129));
        assertThat(longOne.messageKey()).isEqualTo("error_password_long");
        assertThat(longOne.messageArgs()).containsExactly(128);
        assertThat(refusal("a".repeat(100_000)).messageKey()).isEqualTo("error_password_long");
        assertThat(refusal(null).messageKey()).isEqualTo("error_password_short");
        assertThat(catchThrowableOfType(() -> PasswordRules.check("newPassword", "court", "x@example.org"),
                ValidationException.class).field()).isEqualTo("newPassword");
    }

    @Test
    void charactersAreCountedAsPeopleSeeThem() {
        // Eleven emoji are 22 Java chars, yet eleven characters: too short.
        String eleven = new String(new int[] {0x1F332, 0x1F341, 0x1F9AB, 0x1F30A, 0x1F6B2, 0x1F956, 0x1F9C0, 0x1F3BB,
            0x1F4DA, 0x1F33B, 0x1F41D}, 0, 11);
        assertThat(eleven).hasSize(22);
        assertThat(refusal(eleven).messageKey()).isEqualTo("error_password_short");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x7Kp2qR9mZ4w", "une phrase de passe assez longue", "un mot de passe long", "Montreal2024!",
        "correct horse battery staple", "un tout nouveau mot de passe"})
    void aHardToGuessPasswordOf12To128CharactersIsAccepted(String password) {
        assertThatCode(() -> PasswordRules.check("password", password, "marie.tremblay@coop-exemple.org", "Marie Tremblay"))
                .doesNotThrowAnyException();
        String longest = (password + " ").repeat(20).substring(0, 128);
        assertThatCode(() -> PasswordRules.check("password", longest, "marie.tremblay@coop-exemple.org", "Marie Tremblay"))
                .doesNotThrowAnyException();
    }

    /** So that a browser test does not fail on its set-up: the passwords the other tests give their users. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "test-admin-password,             admin@empreinte.local,    Administrateur",
        "mot de passe de la coordination, coordination@example.org, Coordination",
        "mot de passe du membre,          membre@example.org,       Membre",
        "une longue phrase de passe,      membre@example.org,       Membre",
        "un mot de passe long,            p1@example.org,           Personne",
    })
    void thePasswordsOtherTestsChooseMeetTheRules(String password, String email, String name) {
        assertThatCode(() -> PasswordRules.check("password", password, email, name)).doesNotThrowAnyException();
    }

    private static ValidationException refusal(String password) {
        ValidationException refused = catchThrowableOfType(() -> PasswordRules.check("password", password,
                "marie.tremblay@coop-exemple.org", "Marie Tremblay"), ValidationException.class);
        assertThat(refused).as("refused: %s", password == null ? null : password.substring(0, Math.min(40, password.length())))
                .isNotNull();
        return refused;
    }
}
