package org.empreinte.tools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.Map;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.db.DatabaseCopy;
import org.empreinte.db.DatabaseKind;
import org.empreinte.db.DatabaseSetup;

/**
 * {@code java -jar target/empreinte.jar copy-database SOURCE [config.yml]}: moves a whole Empreinte database (a
 * SQLite file, typically: a network that started on SQLite and outgrew it) into the configured one (DATABASE_URL,
 * a PostgreSQL database, empty), in one pass and one transaction, then verifies the copy: the same row count in
 * every table and the same yearly total for every organization. Prints each table's rows and the verification;
 * exits with status 1 on any difference. {@code --verify-only} checks an earlier copy again without writing.
 *
 * <p>Both databases are first brought to the current schema, as the application would at its start. Stop the
 * service on the source first: rows written during the copy would be missing from it.
 */
public class CopyDatabaseCommand extends ConfiguredCommand<EmpreinteConfiguration> {

    private final PrintStream out;

    public CopyDatabaseCommand() {
        this(System.out);
    }

    public CopyDatabaseCommand(PrintStream out) {
        super("copy-database", "Copies a database (a SQLite file) into the configured, empty one (PostgreSQL) and verifies the copy");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        // Before the configuration file, which is optional and comes last.
        subparser.addArgument("source").help("the database to copy: a SQLite file (empreinte.db) or a JDBC URL");
        subparser.addArgument("--verify-only").action(Arguments.storeTrue()).dest("verifyOnly")
                .help("compare the two databases without copying");
        super.configure(subparser);
    }

    @Override
    protected Argument addFileArgument(Subparser subparser) {
        return super.addFileArgument(subparser).setDefault("config.yml");
    }

    @Override
    protected void run(Bootstrap<EmpreinteConfiguration> bootstrap, Namespace namespace, EmpreinteConfiguration configuration)
            throws Exception {
        DataSourceFactory target = configuration.getDataSourceFactory();
        DataSourceFactory source = source(namespace.getString("source"));
        if (DatabaseKind.of(target.getUrl()) == DatabaseKind.SQLITE && target.getUrl().equals(source.getUrl())) {
            throw new IllegalArgumentException("the source is the configured database itself: set DATABASE_URL to the target");
        }
        try (Connection from = DatabaseKind.connect(source); Connection to = DatabaseKind.connect(target)) {
            DatabaseSetup.migrate(from);
            DatabaseSetup.migrate(to);
            DatabaseCopy copy = new DatabaseCopy(from, to, out);
            if (!namespace.getBoolean("verifyOnly")) {
                long start = System.nanoTime();
                Map<String, Long> copied = copy.copy();
                out.printf(Locale.ROOT, "Copied %,d rows of %d tables in %.1f s.%n", copied.values().stream().mapToLong(Long::longValue).sum(),
                        copied.size(), (System.nanoTime() - start) / 1e9);
            }
            DatabaseCopy.Verification verification = copy.verify();
            if (!verification.equal()) {
                verification.mismatches().forEach(mismatch -> out.println("MISMATCH " + mismatch));
                throw new CopyMismatchException(verification.mismatches().size());
            }
            out.printf(Locale.ROOT, "Verified: the %d tables hold as many rows on both sides, and the %d yearly totals of"
                    + " organizations are equal.%n", verification.tables(), verification.organizationYears());
        }
    }

    /** A SQLite file by its path, or any JDBC URL; a file that does not exist is refused, not created empty. */
    private static DataSourceFactory source(String argument) {
        DataSourceFactory source = new DataSourceFactory();
        String url = argument.startsWith("jdbc:") ? argument : "jdbc:sqlite:" + argument;
        if (DatabaseKind.of(url) == DatabaseKind.SQLITE) {
            Path file = Path.of(url.substring("jdbc:sqlite:".length()));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no SQLite database at " + file.toAbsolutePath());
            }
        }
        source.setUrl(url);
        return source;
    }

    /** The copy differs from its source: the lines printed say where. */
    static final class CopyMismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CopyMismatchException(int mismatches) {
            super(mismatches + " difference(s) between the source and the copy (see above)");
        }
    }

    /** A refusal or a difference is the operator's to act on: its message, without a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof CopyMismatchException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            cli.getStdErr().println("copy-database: " + e.getMessage());
            cli.getStdErr().flush();
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
