package org.empreinte.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Slows password guessing at the sign-in form, counted twice: per account (against guessing one
 * person's password from many addresses) and per client address (against trying a few common
 * passwords on many accounts). Past a few free failures, each further failure locks the account or
 * address out for twice as long as the one before, up to a ceiling; a locked attempt is refused
 * before its password is checked, so a lock-out also spares the Argon2 work. A success clears the
 * account's count, never the address's: otherwise one valid account would let its holder reset the
 * count between guesses at others' accounts.
 *
 * <p>The counts live in memory only (a restart forgets them) and are forgotten after a quiet period.
 */
public final class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    /** Longer than any address; a longer "email" is no account, and keeping it whole would let a client fill memory. */
    private static final int MAX_KEY = 320;

    /**
     * @param accountFreeFailures failures of one account before lock-outs begin
     * @param addressFreeFailures failures from one address before lock-outs begin; higher, as an office shares one
     * @param firstLockout the lock-out after the first failure past the free ones, doubled by each next one
     * @param maximumLockout the ceiling of that doubling
     * @param forgetAfter how long without attempts, once its lock-out has ended, before a count is dropped
     * @param maximumEntries accounts and addresses counted at most, so that a flood of made-up addresses has a bound
     */
    public record Settings(int accountFreeFailures, int addressFreeFailures, Duration firstLockout,
            Duration maximumLockout, Duration forgetAfter, long maximumEntries) {

        public Settings {
            if (accountFreeFailures < 0 || addressFreeFailures < 0 || maximumEntries < 1 || firstLockout.isNegative()
                    || firstLockout.isZero() || maximumLockout.compareTo(firstLockout) < 0 || forgetAfter.isNegative()
                    || forgetAfter.isZero()) {
                throw new IllegalArgumentException("sign-in throttle: free failures and entries must be counts, the"
                        + " lock-outs and forgetAfter positive, and maximumLockout at least firstLockout");
            }
        }
    }

    /**
     * One sign-in attempt. A permitted one is counted as in progress until {@link #succeeded()} or
     * {@link #failed()}: past the free failures only one attempt at a time proceeds, so that parallel
     * requests cannot all slip in before the first failure is recorded.
     */
    public final class Attempt {
        private final String account;
        private final String address;
        private final Duration refusedFor;
        private boolean ended;

        private Attempt(String account, String address, Duration refusedFor) {
            this.account = account;
            this.address = address;
            this.refusedFor = refusedFor;
            this.ended = refusedFor != null;
        }

        public boolean permitted() {
            return refusedFor == null;
        }

        /** How long until an attempt may be permitted again; zero for a permitted one. */
        public Duration retryAfter() {
            return refusedFor == null ? Duration.ZERO : refusedFor;
        }

        /** {@link #retryAfter()} rounded up to whole seconds, as a Retry-After header says it. */
        public long retryAfterSeconds() {
            long nanos = retryAfter().toNanos();
            return nanos <= 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        }

        public void succeeded() {
            end(false);
        }

        public void failed() {
            end(true);
        }

        private synchronized void end(boolean failed) {
            if (ended) {
                return;
            }
            ended = true;
            long now = ticker.read();
            record(account, settings.accountFreeFailures(), now, failed ? Outcome.FAILED : Outcome.CLEARED);
            record(address, settings.addressFreeFailures(), now, failed ? Outcome.FAILED : Outcome.KEPT);
        }
    }

    private enum Outcome { FAILED, CLEARED, KEPT }

    /**
     * Failures since the count was last cleared or forgotten, attempts in progress, and, once past
     * the free failures, when the lock-out ends in ticker time (whose origin is arbitrary, hence the flag).
     */
    private record Counter(int failures, int inProgress, boolean locks, long lockedUntil) {
        static final Counter NONE = new Counter(0, 0, false, 0);

        long remaining(long now) {
            return locks && lockedUntil - now > 0 ? lockedUntil - now : 0;
        }

        Counter withInProgress(int count) {
            return new Counter(failures, Math.max(0, count), locks, lockedUntil);
        }

        boolean idle() {
            return failures == 0 && inProgress == 0;
        }
    }

    private final Settings settings;
    private final Ticker ticker;
    private final Cache<String, Counter> counters;

    public SignInThrottle(Settings settings, Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
        long forget = settings.forgetAfter().toNanos();
        this.counters = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(settings.maximumEntries())
                .expireAfter(new Expiry<String, Counter>() {
                    @Override
                    public long expireAfterCreate(String key, Counter counter, long now) {
                        return saturatedAdd(counter.remaining(now), forget);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Counter counter, long now, long current) {
                        return saturatedAdd(counter.remaining(now), forget);
                    }

                    @Override
                    public long expireAfterRead(String key, Counter counter, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /**
     * Asks to check a password for {@code email} from {@code address}. A refused attempt must not
     * check the password; a permitted one must end with {@link Attempt#succeeded()} or
     * {@link Attempt#failed()}, in a finally block if need be: until then it counts as in progress.
     */
    public Attempt begin(String email, String address) {
        String account = "account:" + truncate(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        String from = "address:" + truncate(address == null ? "" : address);
        long now = ticker.read();
        long refused = reserve(account, settings.accountFreeFailures(), now);
        if (refused > 0) {
            return new Attempt(account, from, Duration.ofNanos(refused));
        }
        refused = reserve(from, settings.addressFreeFailures(), now);
        if (refused > 0) {
            counters.asMap().computeIfPresent(account, (k, counter) -> {
                Counter released = counter.withInProgress(counter.inProgress() - 1);
                return released.idle() ? null : released;
            });
            return new Attempt(account, from, Duration.ofNanos(refused));
        }
        return new Attempt(account, from, null);
    }

    /** Counts the attempt as in progress; or, when it may not proceed, returns how long to wait, in nanoseconds. */
    private long reserve(String key, int free, long now) {
        long[] refused = {0};
        counters.asMap().compute(key, (k, current) -> {
            Counter counter = current == null ? Counter.NONE : current;
            refused[0] = counter.remaining(now);
            // Were every attempt in progress to fail, would this one start a lock-out? Then it waits its turn.
            if (refused[0] == 0 && counter.inProgress() > 0 && counter.failures() + counter.inProgress() + 1 > free) {
                refused[0] = TimeUnit.SECONDS.toNanos(1);
            }
            return refused[0] > 0 ? current : counter.withInProgress(counter.inProgress() + 1);
        });
        return refused[0];
    }

    private void record(String key, int free, long now, Outcome outcome) {
        counters.asMap().compute(key, (k, current) -> {
            Counter counter = current == null ? Counter.NONE : current;
            int inProgress = counter.inProgress() - 1;
            Counter next = switch (outcome) {
                case CLEARED -> Counter.NONE.withInProgress(inProgress);
                case KEPT -> counter.withInProgress(inProgress);
                case FAILED -> failure(key, counter, free, now).withInProgress(inProgress);
            };
            return next.idle() ? null : next;
        });
    }

    private Counter failure(String key, Counter counter, int free, long now) {
        int failures = counter.failures() == Integer.MAX_VALUE ? Integer.MAX_VALUE : counter.failures() + 1;
        if (failures <= free) {
            return new Counter(failures, counter.inProgress(), false, 0);
        }
        long lockout = lockout(failures - free - 1);
        if (failures == free + 1) {
            // Once, when lock-outs begin: enough for an operator to see a guessing attack without a line per guess.
            LOG.warn("Sign-in: {} failures {}, locked out for {} and twice as long after each further failure", failures,
                    key.startsWith("address:") ? "from " + key.substring("address:".length()) : "for one account",
                    Duration.ofNanos(lockout));
        }
        return new Counter(failures, counter.inProgress(), true, now + lockout);
    }

    /** The lock-out after the n-th failure past the free ones (n from 0): the first doubled n times, at most the ceiling. */
    long lockout(int n) {
        long first = settings.firstLockout().toNanos();
        long ceiling = settings.maximumLockout().toNanos();
        if (n >= 62 || first > ceiling >> n) {
            return ceiling;
        }
        return Math.min(ceiling, first << n);
    }

    private static String truncate(String text) {
        return text.length() > MAX_KEY ? text.substring(0, MAX_KEY) : text;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * The key of a client address: an IPv4 address as it is, an IPv6 one by its /64 network, since one
     * subscriber commonly holds a whole /64 and could otherwise take a fresh count from each address.
     */
    public static String client(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
            }
            return prefix.append(":/64").toString();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }
}
