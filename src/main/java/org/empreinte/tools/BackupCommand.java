package org.empreinte.tools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.db.DatabaseBackup;
import org.empreinte.db.DatabaseKind;

/**
 * {@code java -jar target/empreinte.jar backup BACKUP_FILE [config.yml]}: writes a consistent copy of the configured SQLite
 * database into a new file, while the service runs (see {@link DatabaseBackup}). The copy is itself a database:
 * restoring is putting it in the original's place (DATABASE_URL=jdbc:sqlite:FILE) with the service stopped.
 */
public class BackupCommand extends ConfiguredCommand<EmpreinteConfiguration> {

    private final PrintStream out;

    public BackupCommand() {
        this(System.out);
    }

    public BackupCommand(PrintStream out) {
        super("backup", "Writes a consistent copy of the configured SQLite database into a new file, while the service runs");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        // Before the configuration file, which is optional and comes last.
        subparser.addArgument("backup").help("the backup to write, a new file");
        super.configure(subparser);
    }

    @Override
    protected Argument addFileArgument(Subparser subparser) {
        return super.addFileArgument(subparser).setDefault("config.yml");
    }

    @Override
    protected void run(Bootstrap<EmpreinteConfiguration> bootstrap, Namespace namespace, EmpreinteConfiguration configuration)
            throws Exception {
        Path file = Path.of(namespace.getString("backup"));
        String url = configuration.getDataSourceFactory().getUrl();
        // SQLite would create an empty database where none is, and back that up.
        if (DatabaseKind.of(url) == DatabaseKind.SQLITE && !Files.isRegularFile(Path.of(url.substring("jdbc:sqlite:".length())))) {
            throw new IllegalArgumentException("no SQLite database at " + url + ": is DATABASE_URL set as for the service?");
        }
        long start = System.nanoTime();
        try (Connection connection = DatabaseKind.connect(configuration.getDataSourceFactory())) {
            DatabaseBackup.sqlite(connection, file);
        }
        out.printf(Locale.ROOT, "Backed up %s into %s (%,d bytes) in %.1f s.%n", url,
                file.toAbsolutePath(), Files.size(file), (System.nanoTime() - start) / 1e9);
    }

    /** A refusal (an existing file, a PostgreSQL database) is the operator's to act on: its message, no stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalArgumentException) {
            cli.getStdErr().println("backup: " + e.getMessage());
            cli.getStdErr().flush();
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
