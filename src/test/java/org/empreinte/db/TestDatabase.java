package org.empreinte.db;

import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import io.dropwizard.jackson.Jackson;

import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.footprint.FootprintService;
import org.empreinte.footprint.ReportCache;
import org.empreinte.organization.OrganizationAccess;
import org.empreinte.organization.OrganizationService;
import org.empreinte.organization.YearlyFigures;

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
    public static FootprintService footprints(Jdbi jdbi, FactorLibrary library) {
        return new FootprintService(jdbi, library, figures(jdbi), new ReportCache(100, Duration.ofMinutes(5)));
    }

    public static YearlyFigures figures(Jdbi jdbi) {
        return new YearlyFigures(jdbi, units(jdbi, Clock.systemUTC()), Clock.systemUTC());
    }

    /** The unit of work every write goes through, with its audit trail, as the application wires it. */
    public static UnitOfWork units(Jdbi jdbi, Clock clock) {
        return new UnitOfWork(jdbi, new AuditTrail(jdbi, Jackson.newObjectMapper(), clock));
    }

    /**
     * The organization service of a test that logs no activity through it: changing a region recomputes
     * nothing, and every caller sees every organization (the tests call it as the database's owner).
     */
    public static OrganizationService organizations(Jdbi jdbi, Clock clock) {
        return new OrganizationService(jdbi, units(jdbi, clock), clock, organizationId -> List.of(), new OrganizationAccess() {
            @Override
            public Set<Long> visible(Principal who) {
                return null;
            }

            @Override
            public void created(long organizationId, Principal who) {
            }
        });
    }

    public static int count(Handle handle, String table) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one();
    }

    public static int count(Handle handle, String table, String where, Object value) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where + " = :value")
                .bind("value", value).mapTo(Integer.class).one();
    }
}
