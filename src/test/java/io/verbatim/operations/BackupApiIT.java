package io.verbatim.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.support.PlatformTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Backups restore: a backup of the running platform is verified by restoring it into a scratch database and
 * comparing every table; a damaged backup fails verification naming the table; only platform admins reach any of it.
 */
class BackupApiIT extends PlatformTest {

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

    @Autowired
    JdbcClient appJdbc;

    @Test
    void onlyPlatformAdminsSeeOrRunBackupsAndVerificationsNeitherOtherRolesNorOtherTenantsAdmins() {
        for (String email : List.of("admin@demo.local", "manager@demo.local", "exec@demo.local", "csr1@demo.local",
                "rep1@demo.local", "admin@acme.local")) {
            String token = api.token(email);
            for (String path : List.of("/api/v1/backups", "/api/v1/backups/verifications")) {
                var get = api.get(path, token);
                assertThat(get.status()).as(email + " GET " + path).isEqualTo(403);
                assertThat(get.header("content-type")).startsWith("application/problem+json");
                assertThat(api.post(path, token, "").status()).as(email + " POST " + path).isEqualTo(403);
            }
        }
        assertThat(api.get("/api/v1/backups", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/backups", null, "").status()).isEqualTo(401);
        // The records are the owner's alone: the application role tenants query through cannot read them at all.
        assertThatThrownBy(() -> appJdbc.sql("SELECT count(*) FROM backups").query(Long.class).single())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> appJdbc.sql("SELECT count(*) FROM backup_verification_log").query(Long.class).single())
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void aBackupOfTheRunningPlatformRestoresExactlyAndADamagedOneFailsVerificationNamingTheTable() throws Exception {
        String root = api.token("root@verbatim.local");
        long started = System.nanoTime();
        JsonNode backup = runBackup(root);
        long backupMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(backup.get("status").asString()).as(backup.toString()).isEqualTo("succeeded");
        assertThat(backup.get("tables").asInt()).isGreaterThan(30);
        assertThat(backup.get("rows").asLong()).isPositive();
        Path dir = location().resolve(backup.get("name").asString());
        assertThat(dir.resolve("manifest.json")).exists();
        assertThat(dir.resolve("tables/users.copy.gz")).exists();
        assertThat(dir.resolve("blobs.jsonl.gz")).exists();
        JsonNode manifest = api.json().readTree(Files.readString(dir.resolve("manifest.json")));
        assertThat(manifest.get("schema_version").asString()).isNotBlank();
        long tenants = JdbcClient.create(owner).sql("SELECT count(*) FROM tenants").query(Long.class).single();
        assertThat(table(manifest, "tenants").get("rows").asLong()).isEqualTo(tenants);

        var listed = api.get("/api/v1/backups", root);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.raw()).contains(backup.get("id").asString());
        assertThat(api.get("/api/v1/backups/" + backup.get("id").asString(), root).body().get("name").asString())
                .isEqualTo(backup.get("name").asString());

        started = System.nanoTime();
        JsonNode passed = runVerification(root);
        long verifyMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(passed.get("status").asString()).as(passed.toString()).isEqualTo("passed");
        assertThat(passed.get("backup_name").asString()).isEqualTo(backup.get("name").asString());
        assertThat(passed.get("tables_checked").asInt()).isEqualTo(backup.get("tables").asInt());
        assertThat(passed.get("rows_checked").asLong()).isEqualTo(backup.get("rows").asLong());
        assertThat(passed.get("mismatches")).isEmpty();
        assertThat(passed.get("scratch_database").asString()).isEqualTo("verbatim_verify_" + passed.get("id").asLong());
        assertThat(scratchDatabases()).isEmpty();
        System.out.printf("backup of the test database: %d ms; verification (restore + compare): %d ms%n", backupMs, verifyMs);

        var health = api.get("/actuator/health", root).body().get("components").get("backup");
        assertThat(health.get("status").asString()).isEqualTo("UP");

        // Alter what the manifest says of one table: the restore no longer matches and the table is named.
        Path manifestFile = dir.resolve("manifest.json");
        String original = Files.readString(manifestFile);
        String sha = table(manifest, "users").get("sha256").asString();
        Files.writeString(manifestFile, original.replace(sha, "0".repeat(64)));
        try {
            JsonNode failed = runVerification(root);
            assertThat(failed.get("status").asString()).isEqualTo("failed");
            assertThat(failed.get("mismatches").findValuesAsString("table")).contains("users");
            assertThat(api.get("/actuator/health", root).body().get("components").get("backup").get("status").asString())
                    .isEqualTo("DEGRADED");
            assertThat(api.get("/actuator/health", null).status()).as("a degraded backup does not take the node out").isEqualTo(200);
        } finally {
            Files.writeString(manifestFile, original);
        }
        assertThat(runVerification(root).get("status").asString()).isEqualTo("passed");
        assertThat(scratchDatabases()).isEmpty();
    }

    @Test
    void theRestoreCommandReplacesADatabaseWithTheBackupAndKeepsThePreviousOneAside() throws Exception {
        String root = api.token("root@verbatim.local");
        JsonNode backup = runBackup(root);
        Path dir = location().resolve(backup.get("name").asString());
        JdbcClient ownerJdbc = JdbcClient.create(owner);
        String target = "verbatim_restore_it";
        ownerJdbc.sql("DROP DATABASE IF EXISTS " + target).update();
        ownerJdbc.sql("CREATE DATABASE " + target).update();
        String url = ownerJdbc.sql("SELECT 'jdbc:postgresql://localhost:' || current_setting('port') || '/" + target + "'")
                .query(String.class).single();
        var out = new java.io.ByteArrayOutputStream();
        int status = io.verbatim.operations.internal.Restore.run(new String[] {dir.toString(), "--verbatim.db.url=" + url,
                "--verbatim.db.user=verbatim_owner", "--verbatim.db.password=verbatim_owner",
                "--verbatim.db.app-password=verbatim_app"}, new java.io.PrintStream(out, true));
        try {
            assertThat(status).as(out.toString()).isZero();
            assertThat(out.toString()).contains("every table matches the backup").contains(target + "_before_restore_");
            JsonNode manifest = api.json().readTree(Files.readString(dir.resolve("manifest.json")));
            var restored = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "verbatim_owner",
                    "verbatim_owner"));
            assertThat(restored.sql("SELECT count(*) FROM users").query(Long.class).single())
                    .isEqualTo(table(manifest, "users").get("rows").asLong());
            assertThat(restored.sql("SELECT count(*) FROM flyway_schema_history WHERE version = ? AND success")
                    .param(manifest.get("schema_version").asString()).query(Long.class).single()).isEqualTo(1L);
            // Row-level security is forced again after the load.
            assertThat(restored.sql("SELECT relforcerowsecurity FROM pg_class WHERE relname = 'users'").query(Boolean.class).single())
                    .isTrue();
        } finally {
            for (String db : ownerJdbc.sql("SELECT datname FROM pg_database WHERE starts_with(datname, ?)").param(target)
                    .query(String.class).list()) {
                dropRetrying(ownerJdbc, db);
            }
        }
        // A directory that is not a backup is refused before anything is touched.
        assertThat(io.verbatim.operations.internal.Restore.run(new String[] {Files.createTempDirectory("nobackup").toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()))).isEqualTo(2);
    }

    private JsonNode runBackup(String token) {
        var accepted = api.send("POST", "/api/v1/backups", token, Map.of(), null);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        assertThat(accepted.header("location")).startsWith("/api/v1/backups/");
        return await(token, accepted.header("location"), "succeeded", "failed");
    }

    private JsonNode runVerification(String token) {
        var accepted = api.send("POST", "/api/v1/backups/verifications", token, Map.of(), null);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        return await(token, accepted.header("location"), "passed", "failed");
    }

    private JsonNode await(String token, String path, String... done) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get(path, token).body();
            if (List.of(done).contains(last.get("status").asString())) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not finished: " + last);
    }

    /**
     * DROP ... WITH (FORCE) as the owner role, retried while an autovacuum worker (the server's, which the owner may not
     * end) is still in the freshly restored database, as DatabaseRestorer.drop does for its own scratch databases.
     */
    private static void dropRetrying(JdbcClient ownerJdbc, String db) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                ownerJdbc.sql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)").update();
                return;
            } catch (org.springframework.dao.DataAccessException e) {
                if (attempt >= 20 || !String.valueOf(e.getMessage()).contains("terminate process")) {
                    throw e;
                }
                Thread.sleep(250L * attempt);
            }
        }
    }

    private Path location() {
        String location = api.get("/actuator/health", api.token("root@verbatim.local")).body().get("components").get("backup")
                .get("details").get("location").asString();
        return Path.of(location);
    }

    private static JsonNode table(JsonNode manifest, String name) {
        for (JsonNode t : manifest.get("tables")) {
            if (t.get("name").asString().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name);
    }

    private List<String> scratchDatabases() {
        return JdbcClient.create(owner).sql("SELECT datname FROM pg_database WHERE starts_with(datname, 'verbatim_verify_')")
                .query(String.class).list();
    }
}
