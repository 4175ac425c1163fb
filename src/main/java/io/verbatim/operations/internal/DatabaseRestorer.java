package io.verbatim.operations.internal;

import io.verbatim.platform.database.DatabaseEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Restores a backup into a new database on the same server: create it, migrate it with Flyway to the
 * backup's schema version, load every table (foreign keys dropped and re-created so the load order does not
 * matter, user triggers off so roll-ups are not counted twice, forced row-level security lifted for the load
 * in the same transaction), set the sequences, then read every table back and compare it with the manifest.
 */
final class DatabaseRestorer {

    /** Tries at dropping a scratch database while the server's own workers leave it (about 50 s in all). */
    private static final int DROP_ATTEMPTS = 20;

    private final DatabaseEndpoint endpoint;

    DatabaseRestorer(DatabaseEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Restores into {@code database}, which must not exist; returns every difference from the backup (none = faithful). */
    List<Mismatch> restore(Path dir, BackupManifest manifest, String database) throws SQLException, IOException {
        maintenance("CREATE DATABASE " + TableCatalog.quote(database));
        var flyway = Flyway.configure()
                .dataSource(endpoint.jdbcUrlFor(database), endpoint.ownerUser(), endpoint.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", endpoint.appUser()));
        if (manifest.schemaVersion() != null) {
            flyway.target(manifest.schemaVersion());
        }
        flyway.load().migrate();
        try (Connection c = connect(database)) {
            List<Mismatch> mismatches = load(c, dir, manifest);
            for (BackupManifest.Table table : manifest.tables()) {
                if (mismatches.stream().anyMatch(m -> m.table().equals(table.name()) && m.stage().equals("missing"))) {
                    continue;
                }
                TableCatalog.Checksum now = TableCatalog.checksum(c, table);
                if (now.rows() != table.rows() || !now.sha256().equals(table.sha256())) {
                    mismatches.add(new Mismatch(table.name(), "restored", table.rows(), now.rows(), table.sha256(), now.sha256()));
                }
            }
            return mismatches;
        }
    }

    private List<Mismatch> load(Connection c, Path dir, BackupManifest manifest) throws SQLException, IOException {
        List<Mismatch> mismatches = new ArrayList<>();
        List<BackupManifest.Table> present = new ArrayList<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            List<String[]> foreignKeys = foreignKeys(c);
            for (String[] fk : foreignKeys) {
                s.execute("ALTER TABLE " + fk[0] + " DROP CONSTRAINT " + TableCatalog.quote(fk[1]));
            }
            List<String> forced = new ArrayList<>();
            for (BackupManifest.Table table : manifest.tables()) {
                Boolean force = forcedRowSecurity(c, table.name());
                if (force == null) {
                    mismatches.add(new Mismatch(table.name(), "missing", table.rows(), null, table.sha256(), null));
                    continue;
                }
                present.add(table);
                String name = "public." + TableCatalog.quote(table.name());
                s.execute("ALTER TABLE " + name + " DISABLE TRIGGER USER");
                if (force) {
                    // COPY FROM refuses tables under row-level security; lifted inside this transaction only.
                    s.execute("ALTER TABLE " + name + " NO FORCE ROW LEVEL SECURITY");
                    forced.add(name);
                }
            }
            if (!present.isEmpty()) {
                s.execute("TRUNCATE " + present.stream().map(t -> "public." + TableCatalog.quote(t.name())).collect(Collectors.joining(", ")));
            }
            for (BackupManifest.Table table : present) {
                copyIn(c, dir, table, mismatches);
                s.execute("ALTER TABLE public." + TableCatalog.quote(table.name()) + " ENABLE TRIGGER USER");
            }
            for (String name : forced) {
                s.execute("ALTER TABLE " + name + " FORCE ROW LEVEL SECURITY");
            }
            for (String[] fk : foreignKeys) {
                s.execute("ALTER TABLE " + fk[0] + " ADD CONSTRAINT " + TableCatalog.quote(fk[1]) + " " + fk[2]);
            }
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                setSequence(c, sequence);
            }
            c.commit();
            return mismatches;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static void copyIn(Connection c, Path dir, BackupManifest.Table table, List<Mismatch> mismatches)
            throws SQLException, IOException {
        MessageDigest sha = TableCatalog.sha256();
        long rows;
        try (InputStream in = new DigestInputStream(new GZIPInputStream(Files.newInputStream(dir.resolve(table.file())), 64 * 1024), sha)) {
            rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY public." + TableCatalog.quote(table.name())
                    + " (" + TableCatalog.columnList(table) + ") FROM STDIN (FORMAT binary)", in);
        }
        String actual = TableCatalog.hex(sha);
        if (rows != table.rows() || !actual.equals(table.sha256())) {
            mismatches.add(new Mismatch(table.name(), "file", table.rows(), rows, table.sha256(), actual));
        }
    }

    private static List<String[]> foreignKeys(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY conrelid, conname""")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    /** Whether the table's row-level security is forced; null when there is no such table. */
    private static Boolean forcedRowSecurity(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.relforcerowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname = ? AND c.relkind = 'r'""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private static void setSequence(Connection c, BackupManifest.Sequence sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sequence.lastValue() == null
                ? "SELECT setval(('public.' || quote_ident(?))::regclass, 1, false)"
                : "SELECT setval(('public.' || quote_ident(?))::regclass, ?, true)")) {
            ps.setString(1, sequence.name());
            if (sequence.lastValue() != null) {
                ps.setLong(2, sequence.lastValue());
            }
            ps.executeQuery().close();
        }
    }

    /**
     * Drops a database this restorer made, ending any session still in it. An autovacuum worker that
     * started on the freshly restored tables belongs to the server, not to our role, so FORCE may not end
     * it ("permission denied to terminate process"); it finishes in moments, so the drop is retried.
     */
    void drop(String database) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                maintenance("DROP DATABASE IF EXISTS " + TableCatalog.quote(database) + " WITH (FORCE)");
                return;
            } catch (SQLException e) {
                if (!"42501".equals(e.getSQLState()) || attempt >= DROP_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(250L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Databases on the server whose names start with {@code prefix}. */
    List<String> databasesStartingWith(String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect("postgres");
             PreparedStatement ps = c.prepareStatement("SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY 1")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** Runs a statement that cannot run inside a transaction (CREATE, DROP, ALTER DATABASE) from the maintenance database. */
    void maintenance(String sql) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrlFor(database), endpoint.ownerUser(), endpoint.ownerPassword());
    }
}
