package org.empreinte;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.db.PostgresqlAvailable;

/**
 * The test tiers, each a JUnit tag named here and nowhere else in the Java code (pom.xml's {@code fast}
 * profile repeats two of the names). A class without a tier is a unit test: plain Java, no database file,
 * no application, milliseconds. {@code mvn -B test} runs every tier; {@code mvn -B test -Pfast} leaves out
 * {@link Browser} and {@link Slow}, so that a developer gets an answer in under a minute.
 */
public final class Tiers {

    public static final String DATABASE = "database";
    public static final String API = "api";
    public static final String BROWSER = "browser";
    public static final String SLOW = "slow";
    public static final String SQLITE_ONLY = "sqlite-only";

    private Tiers() {
    }

    /**
     * Reads and writes a database of its own (see {@code db.TestDatabase}), without starting the application.
     * This tier and {@link Api} run twice in {@code mvn -B test}: on SQLite, then on PostgreSQL.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag(DATABASE)
    @ExtendWith(PostgresqlAvailable.class)
    public @interface Database {
    }

    /** Starts the application (seconds each) and calls it over HTTP. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag(API)
    @ExtendWith(PostgresqlAvailable.class)
    public @interface Api {
    }

    /** Drives headless Chromium through the application's pages; needs Debian's chromium and chromium-driver. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag(BROWSER)
    public @interface Browser {
    }

    /**
     * On top of its tier: a class that took more than about 4.5 s of a full run on the project's quiet 2-core
     * machine, twice what most application classes take, so that the fast run stays under a minute. Large data,
     * waits that the behaviour itself needs (a lock-out, a busy time-out), Argon2 for many passwords, hundreds of
     * requests, or an application started more than once.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag(SLOW)
    public @interface Slow {
    }

    /**
     * On top of its tier: a class left out of the PostgreSQL run of the {@link Database} and {@link Api} tiers,
     * because what it checks exists only on SQLite (a pragma, SQLITE_BUSY, a file's bytes). Each use says why.
     * A single test of a class says it with {@code TestDatabase.assumeSqlite(reason)} instead.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @Tag(SQLITE_ONLY)
    public @interface SqliteOnly {
    }
}
