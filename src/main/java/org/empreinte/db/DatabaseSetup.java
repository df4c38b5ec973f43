package org.empreinte.db;

import java.sql.Connection;
import java.sql.SQLException;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.SqlStatements;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.core.setup.Environment;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Opens the pool, brings the schema up to date and hands out the {@link Jdbi} every DAO uses. */
public final class DatabaseSetup {

    public static final String CHANGELOG = "org/empreinte/db/changelog.yml";

    static {
        // Liquibase (4.30+) otherwise fetches an analytics configuration from the Internet at every
        // migration: members' servers must not call out, and offline it waits for a time-out.
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    private DatabaseSetup() {
    }

    public static Jdbi open(Environment environment, DataSourceFactory dataSource) {
        DatabaseKind.prepare(dataSource);
        Jdbi jdbi = new JdbiFactory().build(environment, dataSource, "database");
        // Dropwizard's engine prepends each statement's DAO method as a comment and lexes the SQL again on
        // every call, bypassing JDBI's template cache: about a fifth of an activity write. JDBI's own engine
        // caches; SQL logs lose the method comment.
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(new DefinedAttributeTemplateEngine());
        jdbi.useHandle(handle -> migrate(handle.getConnection()));
        return jdbi;
    }

    /** Applies every change set not yet applied; the schema is ready before the first request. */
    @SuppressWarnings("deprecation") // Liquibase's command API needs the same objects; this form is the documented embedding
    public static void migrate(Connection connection) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                liquibase.database.Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database).update("");
            } finally {
                // Liquibase leaves the connection in manual-commit mode; the pool must get it back as it lent it.
                connection.setAutoCommit(autoCommit);
            }
        } catch (LiquibaseException | SQLException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }
}
