package io.verbatim.operations.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.platform.database.DatabaseEndpoint;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Replaces the platform database with a backup, with Verbatim stopped: the backup is restored into a new
 * database and checked table by table; only when it matches exactly is the current database renamed aside
 * ({@code <db>_before_restore_<time>}, kept for the operator to drop) and the restored one put in its place.
 */
public final class Restore {

    private Restore() {
    }

    public static int run(String[] args, PrintStream out) {
        Optional<String> backupArg = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst();
        boolean force = List.of(args).contains("--force");
        if (backupArg.isEmpty()) {
            out.println("usage: restore <backup directory> [--force] [--verbatim.data-dir=...]");
            return 2;
        }
        Path dir = Path.of(backupArg.get()).toAbsolutePath().normalize();
        BackupManifest manifest;
        try {
            manifest = BackupManifest.read(dir);
        } catch (Exception e) {
            out.println("Cannot read the backup: " + e.getMessage());
            return 2;
        }
        String[] springArgs = java.util.Arrays.stream(args).filter(a -> a.startsWith("--verbatim.") || a.startsWith("--spring."))
                .toArray(String[]::new);
        if (!force && embeddedDatabaseRunning(springArgs)) {
            out.println("The embedded database is running: stop Verbatim first (or pass --force if it is a leftover of a crash).");
            return 3;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RestoreConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(springArgs)) {
            DatabaseEndpoint endpoint = context.getBean(DatabaseEndpoint.class);
            // Our own pools must not hold the database we are about to rename.
            context.getBeansOfType(HikariDataSource.class).values().forEach(HikariDataSource::close);
            return restore(new DatabaseRestorer(endpoint), endpoint.database(), dir, manifest, out);
        } catch (Exception e) {
            out.println("Restore failed: " + e.getMessage());
            return 1;
        }
    }

    static int restore(DatabaseRestorer restorer, String database, Path dir, BackupManifest manifest, PrintStream out)
            throws Exception {
        String staging = database + "_restoring";
        restorer.drop(staging);
        out.println("Restoring " + manifest.name() + " (schema version " + manifest.schemaVersion() + ", "
                + manifest.tables().size() + " tables, " + manifest.totalRows() + " rows) into " + staging + " ...");
        List<Mismatch> mismatches;
        try {
            mismatches = restorer.restore(dir, manifest, staging);
        } catch (Exception e) {
            restorer.drop(staging);
            throw e;
        }
        if (!mismatches.isEmpty()) {
            restorer.drop(staging);
            mismatches.forEach(m -> out.println("  mismatch: " + m));
            out.println("The backup did not restore exactly; the current database was left untouched.");
            return 1;
        }
        int sessions = otherSessions(restorer, database);
        if (sessions > 0) {
            restorer.drop(staging);
            out.println(sessions + " session(s) are still connected to " + database + ": stop Verbatim first.");
            return 3;
        }
        String aside = database + "_before_restore_" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        boolean existed = !restorer.databasesStartingWith(database).stream().filter(database::equals).toList().isEmpty();
        if (existed) {
            restorer.maintenance("ALTER DATABASE " + TableCatalog.quote(database) + " RENAME TO " + TableCatalog.quote(aside));
        }
        restorer.maintenance("ALTER DATABASE " + TableCatalog.quote(staging) + " RENAME TO " + TableCatalog.quote(database));
        out.println("Restored " + manifest.name() + " into " + database + "; every table matches the backup.");
        if (existed) {
            out.println("The previous database is kept as " + aside + "; drop it once you are satisfied (DROP DATABASE " + aside + ").");
        }
        return 0;
    }

    private static int otherSessions(DatabaseRestorer restorer, String database) throws Exception {
        try (Connection c = restorer.connect("postgres");
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The embedded server's postmaster is alive on the data directory (the platform, or a crash's orphan). */
    private static boolean embeddedDatabaseRunning(String[] springArgs) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArgs));
        PlatformProperties platform = Binder.get(environment).bindOrCreate("verbatim", PlatformProperties.class);
        if (!platform.db().embedded()) {
            return false;
        }
        Path pid = platform.dataDir().toAbsolutePath().normalize().resolve("postgres-18").resolve("postmaster.pid");
        try {
            if (!Files.exists(pid)) {
                return false;
            }
            long id = Long.parseLong(Files.readAllLines(pid).getFirst().trim());
            return ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
        } catch (Exception e) {
            return false;
        }
    }
}
