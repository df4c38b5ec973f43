package org.empreinte.db;

import java.nio.file.Path;
import java.util.Properties;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A real SQLite database in a file, migrated with the application's own change log and opened
 * with the connection settings {@code config.yml} gives the pool (foreign keys enforced).
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Creates (or reopens) the database file, brings its schema up to date and returns a Jdbi on it. */
    public static Jdbi migrated(Path file) {
        Properties properties = new Properties();
        // As config.yml's database.properties: without it SQLite ignores every REFERENCES clause.
        properties.setProperty("foreign_keys", "true");
        properties.setProperty("busy_timeout", "5000");
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath(), properties);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.useHandle(handle -> DatabaseSetup.migrate(handle.getConnection()));
        return jdbi;
    }

    /** The footprint service on this database, with a small cache of its own. */
    public static org.empreinte.footprint.FootprintService footprints(Jdbi jdbi, org.empreinte.factor.FactorLibrary library) {
        return new org.empreinte.footprint.FootprintService(jdbi, library, figures(jdbi),
                new org.empreinte.footprint.ReportCache(100, java.time.Duration.ofMinutes(5)));
    }

    public static org.empreinte.organization.YearlyFigures figures(Jdbi jdbi) {
        return new org.empreinte.organization.YearlyFigures(jdbi, java.time.Clock.systemUTC());
    }

    public static int count(Handle handle, String table) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one();
    }

    public static int count(Handle handle, String table, String where, Object value) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where + " = :value")
                .bind("value", value).mapTo(Integer.class).one();
    }
}
