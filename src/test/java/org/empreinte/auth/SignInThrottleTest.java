package org.empreinte.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The throttle alone, on a ticker the test moves: no sleeping. */
class SignInThrottleTest {

    private static final String HERE = "192.0.2.1";

    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Settings(5, 20, Duration.ofSeconds(1),
            Duration.ofMinutes(15), Duration.ofHours(1), 1_000), now::get);

    @Test
    void fiveFailuresAreFreeAndTheSixthLocksOutForOneSecond() {
        for (int i = 0; i < 6; i++) {
            fail("marie@example.org", HERE);
        }
        SignInThrottle.Attempt refused = throttle.begin("marie@example.org", HERE);
        assertThat(refused.permitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        advance(Duration.ofMillis(999));
        assertThat(throttle.begin("marie@example.org", HERE).permitted()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(throttle.begin("marie@example.org", HERE).permitted()).isTrue();
    }

    @Test
    void lockoutsDoubleFromOneSecondUpToTheCeiling() {
        for (int i = 0; i < 5; i++) {
            fail("paul@example.org", HERE);
        }
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            fail("paul@example.org", HERE);
            SignInThrottle.Attempt refused = throttle.begin("paul@example.org", HERE);
            assertThat(refused.permitted()).isFalse();
            waits.add(refused.retryAfterSeconds());
            advance(refused.retryAfter());
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L, 900L, 900L);
    }

    @Test
    void aLockedAccountIsRefusedFromAnyAddressUntilTheLockoutEnds() {
        for (int i = 0; i < 7; i++) {
            fail("lea@example.org", "198.51.100." + i);
            advance(Duration.ofSeconds(10));
        }
        // The 7th failure locked it for 2 s; 10 s went by. An 8th locks it for 4 s, from anywhere.
        fail("lea@example.org", "198.51.100.200");
        SignInThrottle.Attempt refused = throttle.begin("LEA@example.org ", "203.0.113.9");
        assertThat(refused.permitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(4);
        advance(Duration.ofMillis(3_500));
        assertThat(throttle.begin("lea@example.org", "203.0.113.9").retryAfterSeconds()).isEqualTo(1);
        advance(Duration.ofMillis(500));
        assertThat(throttle.begin("lea@example.org", "203.0.113.9").permitted()).isTrue();
    }

    @Test
    void aSuccessClearsTheAccountsCount() {
        for (int i = 0; i < 6; i++) {
            fail("jean@example.org", "198.51.100." + i);
        }
        advance(Duration.ofSeconds(1));
        SignInThrottle.Attempt right = throttle.begin("jean@example.org", HERE);
        assertThat(right.permitted()).isTrue();
        right.succeeded();
        // Counted from zero again: five free failures before any lock-out.
        for (int i = 0; i < 5; i++) {
            fail("jean@example.org", HERE);
        }
        assertThat(throttle.begin("jean@example.org", HERE).permitted()).isTrue();
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedOutPastItsOwnAllowance() {
        for (int i = 0; i < 20; i++) {
            fail("personne" + i + "@example.org", HERE);
        }
        fail("personne20@example.org", HERE);
        SignInThrottle.Attempt refused = throttle.begin("quelqu.un@example.org", HERE);
        assertThat(refused.permitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        // Another address is not concerned.
        assertThat(throttle.begin("quelqu.un@example.org", "203.0.113.9").permitted()).isTrue();
    }

    @Test
    void aSuccessDoesNotClearTheAddressCount() {
        for (int i = 0; i < 20; i++) {
            fail("cible" + i + "@example.org", HERE);
        }
        SignInThrottle.Attempt own = throttle.begin("moi@example.org", HERE);
        own.succeeded();
        fail("cible20@example.org", HERE);
        assertThat(throttle.begin("cible21@example.org", HERE).permitted()).isFalse();
    }

    @Test
    void countsAreForgottenAfterAQuietHour() {
        for (int i = 0; i < 6; i++) {
            fail("oubli@example.org", HERE);
        }
        advance(Duration.ofSeconds(1));
        advance(Duration.ofMinutes(61));
        // Forgotten: five free failures again.
        for (int i = 0; i < 5; i++) {
            fail("oubli@example.org", HERE);
        }
        assertThat(throttle.begin("oubli@example.org", HERE).permitted()).isTrue();
    }

    @Test
    void pastTheFreeFailuresParallelAttemptsWaitTheirTurn() {
        for (int i = 0; i < 5; i++) {
            fail("vite@example.org", "198.51.100." + i);
        }
        SignInThrottle.Attempt first = throttle.begin("vite@example.org", "198.51.100.10");
        SignInThrottle.Attempt second = throttle.begin("vite@example.org", "198.51.100.11");
        assertThat(first.permitted()).isTrue();
        assertThat(second.permitted()).isFalse();
        first.failed();
        first.failed();
        SignInThrottle.Attempt third = throttle.begin("vite@example.org", "198.51.100.12");
        assertThat(third.permitted()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void beforeThatAsManyParallelAttemptsAreLetInAsCouldFailFreely() {
        List<SignInThrottle.Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(throttle.begin("foule@example.org", "198.51.100." + i));
        }
        assertThat(attempts).extracting(SignInThrottle.Attempt::permitted)
                .containsExactly(true, true, true, true, true, false, false, false);
    }

    @Test
    void aVeryLongEmailIsCountedAsItsFirstCharacters() {
        String padding = "x".repeat(400);
        for (int i = 0; i < 6; i++) {
            fail(padding + i + "@example.org", "198.51.100." + i);
        }
        assertThat(throttle.begin(padding + "autre@example.org", HERE).permitted()).isFalse();
    }

    private void fail(String email, String address) {
        SignInThrottle.Attempt attempt = throttle.begin(email, address);
        assertThat(attempt.permitted()).as("attempt for %s from %s", email, address).isTrue();
        attempt.failed();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    /** One subscriber holds a whole IPv6 /64: its addresses share one count, IPv4 ones stay apart. */
    @org.junit.jupiter.api.Test
    void anIpv6ClientIsCountedByItsSlash64() {
        org.assertj.core.api.Assertions.assertThat(SignInThrottle.client("2001:db8:1:2::1"))
                .isEqualTo(SignInThrottle.client("2001:db8:1:2:ffff:0:0:9"))
                .isNotEqualTo(SignInThrottle.client("2001:db8:1:3::1"));
        org.assertj.core.api.Assertions.assertThat(SignInThrottle.client("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
