package io.verbatim.operations.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/**
 * Writes one consistent backup: every table is copied inside a single REPEATABLE READ, read-only
 * transaction of the owner role (which row-level security lets see every tenant), so the files are one
 * moment of the whole database however long the copy takes, while the platform keeps writing.
 */
@Component
class BackupWriter {

    private final BlobInventory blobs;

    BackupWriter(BlobInventory blobs) {
        this.blobs = blobs;
    }

    /** Writes tables, blob inventory and manifest into {@code dir} (which must exist and be empty). */
    BackupManifest write(Connection c, Path dir, String name) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            String schemaVersion = scalar(c, """
                    SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                    ORDER BY installed_rank DESC LIMIT 1""");
            String postgres = scalar(c, "SHOW server_version");
            String database = scalar(c, "SELECT current_database()");
            Files.createDirectories(dir.resolve("tables"));
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (BackupManifest.Table table : TableCatalog.tables(c)) {
                tables.add(copy(c, table, dir));
            }
            List<BackupManifest.Sequence> sequences = TableCatalog.sequences(c);
            BackupManifest.Blobs inventory = blobs.write(c, dir.resolve("blobs.jsonl.gz"));
            c.commit();
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, name, Instant.now(), schemaVersion, postgres,
                    database, tables, sequences, inventory);
            manifest.write(dir);
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setReadOnly(false);
            c.setAutoCommit(autoCommit);
        }
    }

    private static BackupManifest.Table copy(Connection c, BackupManifest.Table table, Path dir) throws SQLException, IOException {
        String file = "tables/" + table.name() + ".copy.gz";
        MessageDigest sha = TableCatalog.sha256();
        long rows;
        try (OutputStream raw = Files.newOutputStream(dir.resolve(file));
             OutputStream out = new DigestOutputStream(new GZIPOutputStream(raw, 64 * 1024), sha)) {
            rows = TableCatalog.copyOut(c, table, out);
        }
        return new BackupManifest.Table(table.name(), table.columns(), table.orderBy(), rows, TableCatalog.hex(sha), file,
                Files.size(dir.resolve(file)));
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
