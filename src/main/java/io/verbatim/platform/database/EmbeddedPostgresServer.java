package io.verbatim.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default database: a real PostgreSQL whose data directory persists under the
 * Verbatim data directory, with durability settings turned back on.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "verbatim";
    static final String OWNER = "verbatim_owner";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir, int port, String appUser, String appPassword) {
        return start(dataDir, port, appUser, appPassword, "128MB");
    }

    static EmbeddedPostgresServer start(Path dataDir, int port, String appUser, String appPassword, String sharedBuffers) {
        // The data directory is tied to the PostgreSQL major version.
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres-18");
        try {
            Files.createDirectories(pgData.getParent());
            stopOrphanPostmaster(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's defaults trade durability for speed; a product database must not.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    // 4GB ("auto" on 24GB) measured no faster on the explorer benchmark at 1M calls (docs/web.md), so
                    // PostgreSQL's 128MB stays the default; operators with large tenants can raise it.
                    .setServerConfig("shared_buffers", sharedBuffers(sharedBuffers, physicalMemory()));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            server.ensureDatabaseAndRoles(appUser, appPassword);
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    private static final long MB = 1024L * 1024;
    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("[1-9][0-9]*(kB|MB|GB|TB)?");

    /**
     * {@code shared_buffers} for the setting: {@code auto} is a quarter of the machine's memory (PostgreSQL's own
     * starting advice for a dedicated server, and the JVM beside it takes a quarter by default), at least PostgreSQL's
     * default 128MB and at most 4GB; anything else must be a PostgreSQL size ("512MB", "2GB").
     */
    static String sharedBuffers(String setting, long physicalBytes) {
        if (setting == null || setting.isBlank() || setting.strip().equalsIgnoreCase("auto")) {
            long mb = Math.max(128, Math.min(4096, physicalBytes / 4 / MB));
            return mb + "MB";
        }
        String size = setting.strip();
        if (!SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException("verbatim.db.embedded-shared-buffers must be 'auto' or a PostgreSQL size such as "
                    + "'512MB' or '2GB', not '" + setting + "'");
        }
        return size;
    }

    /** The memory of the machine (or the container's limit, which the JVM reports as such); 0 if unknown. */
    private static long physicalMemory() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /**
     * After an unclean stop (kill -9 of the JVM) the postmaster we started keeps running and holds
     * the data directory. Ask it for a fast shutdown, then force it, before starting our own.
     */
    static void stopOrphanPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive() || !isPostgres(handle.get())) {
            return; // a stale pid file: PostgreSQL itself copes with that
        }
        log.warn("Found a PostgreSQL (pid {}) left running on {} by an unclean stop; shutting it down", pid, pgData);
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).start();
        if (!waitForExit(handle.get(), Duration.ofSeconds(30))) {
            handle.get().destroyForcibly();
            waitForExit(handle.get(), Duration.ofSeconds(10));
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.contains("postgres")).orElse(true);
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private void ensureDatabaseAndRoles(String appUser, String appPassword) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // Neither role is a superuser: superusers bypass row-level security.
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + OWNER + "') THEN "
                    + "CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER + "'; END IF; END $$");
            // Restoring or verifying a backup builds a second database beside this one.
            s.execute("ALTER ROLE " + OWNER + " CREATEDB");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + appUser + "') THEN "
                    + "CREATE ROLE " + quoteIdent(appUser) + " LOGIN PASSWORD " + quoteLiteral(appPassword) + "; END IF; END $$");
            // Group commit for the webhook receipts (verbatim.webhooks.receipt-commit-delay) is set per transaction,
            // and commit_delay is a superuser-only setting unless granted.
            s.execute("GRANT SET ON PARAMETER commit_delay TO " + quoteIdent(appUser));
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
        }
    }

    String jdbcUrl() {
        // Built by hand: zonky's getJdbcUrl appends ?user=, which would override the pool's user
        // and silently bypass row-level security.
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    PGSimpleDataSource dataSource(String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    static String quoteIdent(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database role names must be lower-case identifiers: " + name);
        }
        return name;
    }

    static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
