package io.verbatim.operations.internal;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * The platform schema as a backup sees it: which tables hold data, their columns and canonical order,
 * the sequences; and a table's content as {@code COPY ... (FORMAT binary)} in that order, which both the
 * backup and the check after a restore read, so that equal checksums mean equal rows.
 */
final class TableCatalog {

    /** Not data: Flyway's history is rebuilt by migrating, and backups do not back up their own log. */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history", "backups", "backup_verification_log");

    private TableCatalog() {
    }

    static List<BackupManifest.Table> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition ORDER BY 1""")) {
            while (rs.next()) {
                if (!SKIPPED.contains(rs.getString(1))) {
                    names.add(rs.getString(1));
                }
            }
        }
        List<BackupManifest.Table> tables = new ArrayList<>();
        for (String name : names) {
            tables.add(new BackupManifest.Table(name, columns(c, name), primaryKey(c, name), 0, null, null, 0));
        }
        return tables;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        return strings(c, """
                SELECT attname FROM pg_attribute WHERE attrelid = ('public.' || quote_ident(?))::regclass
                  AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum""", table);
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        return strings(c, """
                SELECT a.attname FROM pg_index i
                CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = ('public.' || quote_ident(?))::regclass AND i.indisprimary ORDER BY k.ord""", table);
    }

    /** The sequences' positions (those owned by a skipped table excepted); null for one never used. */
    static List<BackupManifest.Sequence> sequences(Connection c) throws SQLException {
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT s.sequencename, s.last_value, owner.relname FROM pg_sequences s
                JOIN pg_class seq ON seq.relname = s.sequencename AND seq.relnamespace = 'public'::regnamespace
                LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = seq.oid AND d.deptype IN ('a', 'i')
                LEFT JOIN pg_class owner ON owner.oid = d.refobjid
                WHERE s.schemaname = 'public' ORDER BY 1""")) {
            while (rs.next()) {
                if (rs.getString(3) == null || !SKIPPED.contains(rs.getString(3))) {
                    sequences.add(new BackupManifest.Sequence(rs.getString(1), rs.getObject(2, Long.class)));
                }
            }
        }
        return sequences;
    }

    /** The table's content in canonical order, streamed to {@code out}; returns the row count. */
    static long copyOut(Connection c, BackupManifest.Table table, OutputStream out) throws SQLException {
        String order = table.orderBy().isEmpty() ? "t::text"
                : table.orderBy().stream().map(TableCatalog::quote).collect(Collectors.joining(", "));
        String sql = "COPY (SELECT " + columnList(table) + " FROM public." + quote(table.name()) + " AS t ORDER BY " + order
                + ") TO STDOUT (FORMAT binary)";
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (java.io.IOException e) {
            throw new SQLException("Could not write the copy of " + table.name() + ": " + e.getMessage(), e);
        }
    }

    /** The row count and SHA-256 of the table's canonical content as it is in the database now. */
    static Checksum checksum(Connection c, BackupManifest.Table table) throws SQLException {
        MessageDigest sha = sha256();
        long rows = copyOut(c, table, new DigestOutputStream(OutputStream.nullOutputStream(), sha));
        return new Checksum(rows, hex(sha));
    }

    record Checksum(long rows, String sha256) {
    }

    static String columnList(BackupManifest.Table table) {
        return table.columns().stream().map(TableCatalog::quote).collect(Collectors.joining(", "));
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> strings(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
