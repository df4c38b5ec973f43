package org.empreinte.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A consistent copy of a SQLite database while the service runs: {@code VACUUM INTO} writes, from one read
 * transaction, the database as it stood when the transaction began, compacted, into a new file, without stopping
 * writers (WAL). Copying the file with {@code cp} instead could catch it between two pages of a write, and
 * without its write-ahead log. PostgreSQL has its own tool, {@code pg_dump}, which does the same there.
 */
public final class DatabaseBackup {

    private DatabaseBackup() {
    }

    /**
     * Writes the database of this SQLite connection into {@code file}.
     *
     * @throws IllegalArgumentException if the file exists (a backup never overwrites another), or if the
     *         connection is not SQLite's
     */
    public static void sqlite(Connection connection, Path file) throws SQLException {
        if (DatabaseKind.of(connection.getMetaData().getURL()) != DatabaseKind.SQLITE) {
            throw new IllegalArgumentException("backup copies SQLite databases; for PostgreSQL use pg_dump (see the README)");
        }
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " exists: a backup does not overwrite a file; choose a new name");
        }
        try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, file.toAbsolutePath().toString());
            vacuum.execute();
        }
    }
}
