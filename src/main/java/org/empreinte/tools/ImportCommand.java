package org.empreinte.tools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.sql.SQLException;
import java.util.Locale;

import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.activity.ActivityImport;
import org.empreinte.activity.ActivityFeature;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.activity.ImportRefusedException;
import org.empreinte.audit.Actor;
import org.empreinte.db.DatabaseKind;
import org.empreinte.db.DatabaseSetup;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.factor.FactorLibraryLoader;
import org.empreinte.web.ApiException;
import org.empreinte.web.ResourceNotFoundException;

/**
 * {@code java -jar target/empreinte.jar import ORG FILE [config.yml]}: imports a CSV file of
 * activities into an organization straight into the configured database, with the rules, the
 * all-or-nothing transaction and the duplicate check of {@code POST .../activities/import}, for
 * files too large to upload. The file is read row by row, never whole. Prints the rows imported
 * and the rows per second, or every row error (and exits with status 1, nothing stored).
 *
 * <p>It writes into the database and needs no running service: it reads config.yml with the environment, as the
 * server does, so {@code DATABASE_URL} names the same database for both.
 */
public class ImportCommand extends ConfiguredCommand<EmpreinteConfiguration> {

    private final PrintStream out;

    public ImportCommand() {
        this(System.out);
    }

    public ImportCommand(PrintStream out) {
        super("import", "Imports a CSV file of activities into an organization, all or nothing, in the configured database");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        // Before the configuration file, which is optional and comes last.
        subparser.addArgument("organization").type(Long.class).help("the organization's id");
        subparser.addArgument("csv").help("the CSV file (see examples/activities-sample.csv)");
        super.configure(subparser);
    }

    @Override
    protected Argument addFileArgument(Subparser subparser) {
        return super.addFileArgument(subparser).setDefault("config.yml");
    }

    @Override
    protected void run(Bootstrap<EmpreinteConfiguration> bootstrap, Namespace namespace, EmpreinteConfiguration configuration)
            throws Exception {
        long organizationId = namespace.getLong("organization");
        Path file = Path.of(namespace.getString("csv"));
        // The audit trail names who wrote: here the server's operator, through the command.
        Actor.set("import command (" + System.getProperty("user.name", "?") + ")");
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        FactorLibrary library = new FactorLibraryLoader().load(Path.of(configuration.getEmissionFactors().getDirectory()),
                configuration.getEmissionFactors().getSelectionOrder());
        Environment environment = new Environment(bootstrap.getApplication().getName(), bootstrap.getObjectMapper(),
                bootstrap.getValidatorFactory(), bootstrap.getMetricRegistry(), bootstrap.getClassLoader(),
                bootstrap.getHealthCheckRegistry(), configuration);
        Jdbi jdbi = openDatabase(environment, configuration);
        try {
            Clock clock = Clock.systemUTC();
            AuditTrail audit = new AuditTrail(jdbi, bootstrap.getObjectMapper(), clock);
            ActivityImport imports = ActivityFeature.wire(jdbi, library, bootstrap.getObjectMapper(), clock, audit,
                    new UnitOfWork(jdbi, audit)).imports();
            long start = System.nanoTime();
            ActivityImport.Result result;
            try {
                result = imports.importCsv(organizationId, file);
            } catch (ResourceNotFoundException e) {
                // Most often the service runs on another database than this command found: say which one it used.
                throw new CommandFailure("Nothing imported: " + e.getMessage() + " in the database "
                        + shown(configuration.getDataSourceFactory().getUrl()) + ": is it the service's? Set DATABASE_URL as"
                        + " when starting the service", e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "%d rows imported into organization %d in %.2f s: %.0f rows per second (import %d, SHA-256 %s)%n",
                    result.imported(), organizationId, seconds, result.imported() / seconds, result.importId(), result.sha256());
        } finally {
            for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
                managed.stop();
            }
        }
    }

    /**
     * The database the server uses with this configuration and environment ({@code DATABASE_URL}): a database that
     * cannot be opened is one line naming it and what to do, not the pool's and Liquibase's stack trace.
     */
    private static Jdbi openDatabase(Environment environment, EmpreinteConfiguration configuration) {
        DataSourceFactory database = configuration.getDataSourceFactory();
        String url = shown(database.getUrl());
        try {
            // The driver and settings follow from DATABASE_URL, as for the server; then one connection first, outside
            // the pool: the pool would log its failure with a stack trace on the console.
            DatabaseKind.prepare(database);
            Class.forName(database.getDriverClass());
            DatabaseKind.connect(database).close();
            return DatabaseSetup.open(environment, database);
        } catch (ClassNotFoundException | SQLException | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String reason = cause instanceof ClassNotFoundException ? "its driver " + cause.getMessage() + " is not in the jar"
                    : cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage().strip().replaceAll("\\s+", " ");
            throw new CommandFailure("Nothing imported: cannot open the database " + url + " (" + reason + "): set DATABASE_URL"
                    + " as for the service (" + CommandFailure.START_THE_SERVICE + "), or give the configuration file that"
                    + " names its database", e);
        }
    }

    /** A database's URL to print: it may carry the database's password, which stays off the screen. */
    static String shown(String url) {
        return url == null ? "" : url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }

    /** A refused file is the user's to fix: its errors, one per line, without a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        java.io.PrintWriter err = cli.getStdErr();
        if (e instanceof ImportRefusedException refused) {
            err.println("Nothing imported: " + refused.getMessage());
            for (ImportRefusedException.RowError error : refused.errors()) {
                err.println("row " + error.row() + (error.column() == null ? "" : ", column " + error.column()) + ": "
                        + error.message());
            }
        } else if (e instanceof CommandFailure) {
            err.println(e.getMessage());
        } else if (e instanceof java.io.FileNotFoundException || e instanceof io.dropwizard.configuration.ConfigurationException) {
            // Run from another folder, config.yml is not found: say so and how to name it, as the server would need too.
            err.println("Nothing imported: " + e.getMessage().strip().replaceAll("\\s+", " ")
                    + " (run it from the service's folder, or give the configuration file last)");
        } else if (e instanceof ApiException || e instanceof IllegalArgumentException) {
            err.println("Nothing imported: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
        err.flush();
    }
}
