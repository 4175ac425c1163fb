package io.verbatim.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database after an unclean stop: the JVM is killed with SIGKILL, its PostgreSQL keeps
 * running and holds the data directory. The next start must take over, and committed data must be there.
 */
class EmbeddedPostgresCrashIT {

    @TempDir
    Path dataDir;

    @Test
    void aKilledProcessLeavesAnOrphanPostmasterThatTheNextStartReplacesWithoutLosingData() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresChild.class.getName(), dataDir.toString(), "committed-before-crash")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            boolean ready = false;
            while ((line = out.readLine()) != null) {
                if (line.contains("READY")) {
                    ready = true;
                    break;
                }
            }
            assertThat(ready).as("child started the database").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Path pidFile = dataDir.resolve("postgres-18/postmaster.pid");
        long orphanPid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                .as("PostgreSQL outlives the killed JVM").isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "verbatim_app", "verbatim_app", "256MB");
             Connection c = server.dataSource(EmbeddedPostgresServer.OWNER, EmbeddedPostgresServer.OWNER).getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT name FROM survivors")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("committed-before-crash");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            Boolean fsync = "on".equals(queryOne(c, "SHOW fsync"));
            assertThat(fsync).as("durability is back on").isTrue();
            assertThat(queryOne(c, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryOne(c, "SHOW shared_buffers")).as("the configured buffers, not PostgreSQL's 128MB").isEqualTo("256MB");
        }
    }

    private static String queryOne(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
