package io.verbatim.shopping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.pipeline.RecurringJob;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import io.verbatim.tenancy.TenantId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Abandoned tus uploads are deleted after {@code verbatim.shopping.spool-expiry} (default 3 days), row and spool file,
 * in every company; fresh and finished ones stay, and so does a stray file younger than the expiry. Time passing is
 * simulated by moving an upload's last change (and its file's) back four days.
 */
class SpoolExpiryIT extends PlatformTest {

    @Autowired
    SpoolExpiry expiry;
    @Autowired
    TusUploads uploads;
    @Autowired
    List<RecurringJob> jobs;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    final HttpClient http = HttpClient.newHttpClient();
    private static final Duration OLD = Duration.ofDays(4);

    private record Started(String tenant, String token, String location, UUID id) {
    }

    /** A shopper of the tenant's new campaign submits a visit and sends {@code sent} of 1000 bytes of its recording. */
    private Started started(String tenant, int sent) throws Exception {
        String admin = api.token(ShoppingFixture.adminOf(tenant));
        String zone = ShoppingFixture.zone(api, admin, "Zona " + UUID.randomUUID().toString().substring(0, 6));
        String shopper = ShoppingFixture.shopper(api, tenant);
        String campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, tenant, shopper), null);
        String token = api.token(shopper);
        ApiClient.Response evaluation = api.post("/api/v1/evaluations", token, """
                {"campaign_id": "%s", "zone_id": "%s", "check_in_at": "2026-12-05T14:30:00Z",
                 "answers": {"saludo": true, "amabilidad": 4, "oferta": "si", "extras": ["cafe"], "cierre": true}}"""
                .formatted(campaign, zone));
        assertThat(evaluation.status()).as(evaluation.raw()).isEqualTo(201);
        ApiClient.Response created = api.send("POST", "/api/v1/evaluations/" + evaluation.body().get("id").asString() + "/uploads",
                token, Map.of("Tus-Resumable", "1.0.0", "Upload-Length", "1000"), null);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String location = created.header("Location");
        // tus expiration: the client is told when the unfinished upload goes (3 days from its last change).
        Instant expires = java.time.ZonedDateTime.parse(created.header("Upload-Expires"),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(3).minusMinutes(5), Duration.ofDays(3));
        if (sent > 0) {
            HttpResponse<String> patched = http.send(HttpRequest.newBuilder(URI.create(api.base() + location))
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[sent])).header("Authorization", "Bearer " + token)
                    .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
                    .header("Upload-Offset", "0").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
            assertThat(patched.headers().firstValue("Upload-Expires")).isPresent();
        }
        return new Started(tenant, token, location, UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
    }

    private void age(Started upload) throws Exception {
        JdbcClient.create(ownerDataSource).sql("UPDATE evaluation_uploads SET updated_at = updated_at - make_interval(days => 4) WHERE id = ?")
                .param(upload.id()).update();
        Path file = spool(upload);
        if (Files.exists(file)) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(OLD)));
        }
    }

    private Path spool(Started upload) {
        return uploads.spoolFile(new TenantId(upload.tenant()), upload.id());
    }

    private int head(Started upload) {
        return api.send("HEAD", upload.location(), upload.token(), Map.of("Tus-Resumable", "1.0.0"), null).status();
    }

    @Test
    void abandonedUploadsAreDeletedInEveryCompanyAndTheRestStays() throws Exception {
        Started abandoned = started("demo-tenant", 400);
        Started fresh = started("demo-tenant", 100);
        Started neverWritten = started("demo-tenant", 0);
        Started otherCompany = started("acme", 300);
        for (Started s : List.of(abandoned, neverWritten, otherCompany)) {
            age(s);
        }
        assertThat(spool(abandoned)).exists();
        Path oldStray = uploads.spoolRoot().resolve("demo-tenant").resolve(UUID.randomUUID() + ".part");
        Path newStray = uploads.spoolRoot().resolve("demo-tenant").resolve(UUID.randomUUID() + ".part");
        Files.write(oldStray, new byte[10]);
        Files.setLastModifiedTime(oldStray, FileTime.from(Instant.now().minus(OLD)));
        Files.write(newStray, new byte[10]);

        assertThat(expiry.expire()).isGreaterThanOrEqualTo(4);

        assertThat(head(abandoned)).isEqualTo(404);
        assertThat(spool(abandoned)).doesNotExist();
        assertThat(head(neverWritten)).isEqualTo(404);
        assertThat(head(otherCompany)).isEqualTo(404);
        assertThat(spool(otherCompany)).doesNotExist();
        assertThat(oldStray).doesNotExist();
        // What is younger than the expiry stays: the fresh upload (resumable from its offset) and a new stray file.
        assertThat(head(fresh)).isEqualTo(200);
        assertThat(spool(fresh)).exists().hasSize(100);
        assertThat(newStray).exists();
        Files.delete(newStray);

        // Each expiry is audited in its own company only.
        String demoAudit = api.get("/api/v1/audit?action=evaluation.upload_expired&limit=100", api.token("admin@demo.local")).raw();
        assertThat(demoAudit).contains(abandoned.id().toString(), neverWritten.id().toString()).doesNotContain(otherCompany.id().toString());
        assertThat(api.get("/api/v1/audit?action=evaluation.upload_expired&limit=100", api.token("admin@acme.local")).raw())
                .contains(otherCompany.id().toString()).doesNotContain(abandoned.id().toString());
        // A second run has nothing left to do with these.
        expiry.expire();
        assertThat(head(fresh)).isEqualTo(200);
    }

    @Test
    void theExpiryRunsAsARecurringJob() {
        assertThat(jobs).filteredOn(j -> j.name().equals("shopping-spool-expiry"))
                .singleElement().satisfies(j -> assertThat(j.interval()).isEqualTo(Duration.ofHours(1)));
    }
}
