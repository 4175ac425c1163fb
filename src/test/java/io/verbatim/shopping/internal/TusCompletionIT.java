package io.verbatim.shopping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobContent;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The completion of a tus upload moves the spool file into the blob store (a rename), and a crash at any point of it
 * loses nothing: with every byte's offset committed, the next HEAD (or a PATCH at the end) finishes it, from the spool
 * file when the crash came before the rename, from the stored object when it came between the rename and the upload
 * marked complete. A crash is reproduced by leaving the database and the files as the completion would have at that
 * point, through the same calls it makes.
 */
class TusCompletionIT extends PlatformTest {

    static final String T = "demo-tenant";
    @Autowired
    TusUploads uploads;
    @Autowired
    TusCompletion completion;
    @Autowired
    SpoolExpiry expiry;
    @Autowired
    TenantStorage storage;
    @Autowired
    Tenants tenants;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;
    final HttpClient http = HttpClient.newHttpClient();

    private record Started(String token, String evaluation, String location, UUID id, byte[] file) {
    }

    private Started started(int size) {
        String admin = api.token(ShoppingFixture.adminOf(T));
        String zone = ShoppingFixture.zone(api, admin, "Zona " + UUID.randomUUID().toString().substring(0, 6));
        String shopper = ShoppingFixture.shopper(api, T);
        String campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, T, shopper), null);
        String token = api.token(shopper);
        ApiClient.Response evaluation = api.post("/api/v1/evaluations", token, """
                {"campaign_id": "%s", "zone_id": "%s", "check_in_at": "2026-12-05T14:30:00Z",
                 "answers": {"saludo": true, "amabilidad": 4, "oferta": "si", "extras": ["cafe"], "cierre": true}}"""
                .formatted(campaign, zone));
        assertThat(evaluation.status()).as(evaluation.raw()).isEqualTo(201);
        String id = evaluation.body().get("id").asString();
        ApiClient.Response created = api.send("POST", "/api/v1/evaluations/" + id + "/uploads", token,
                Map.of("Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(size), "Upload-Metadata",
                        "filename " + b64("visita.mp4") + ",filetype " + b64("video/mp4")), null);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String location = created.header("Location");
        byte[] file = new byte[size];
        new Random(size).nextBytes(file);
        return new Started(token, id, location, UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), file);
    }

    /** As the completion finds it: every byte in the spool file, forced, and the offset at the end committed. */
    private Path allBytesCommitted(Started s) throws Exception {
        Path spool = uploads.spoolFile(new TenantId(T), s.id());
        Files.createDirectories(spool.getParent());
        Files.write(spool, s.file());
        JdbcClient.create(ownerDataSource).sql("UPDATE evaluation_uploads SET upload_offset = upload_length WHERE id = ?")
                .param(s.id()).update();
        return spool;
    }

    private TusUploads.Upload upload(Started s) {
        return new TusUploads.Upload(s.id(), UUID.fromString(s.evaluation()), s.file().length, s.file().length, "visita.mp4",
                "video/mp4", false);
    }

    private TenantBlobs blobs() {
        return storage.forTenant(tenants.get(new TenantId(T)));
    }

    private void assertComplete(Started s, Path spool) throws Exception {
        JsonNode upload = api.get("/api/v1/evaluations/" + s.evaluation(), s.token()).body().get("uploads").get(0);
        assertThat(upload.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.file())));
        assertThat(upload.get("completed_at").isNull()).isFalse();
        try (BlobContent stored = blobs().get(completion.key(new TenantId(T), upload(s)))) {
            assertThat(stored.stream().readAllBytes()).isEqualTo(s.file());
        }
        assertThat(spool).doesNotExist();
        ApiClient.Response head = api.send("HEAD", s.location(), s.token(), Map.of("Tus-Resumable", "1.0.0"), null);
        assertThat(head.header("Upload-Offset")).isEqualTo(String.valueOf(s.file().length));
    }

    @Test
    void aCompletedUploadIsMovedToTheBlobStoreAndItsSpoolFileIsGone() throws Exception {
        Started s = started(2 * 1024 * 1024 + 5);
        HttpResponse<String> patched = http.send(HttpRequest.newBuilder(URI.create(api.base() + s.location()))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(s.file())).header("Authorization", "Bearer " + s.token())
                .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", "0").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        assertComplete(s, uploads.spoolFile(new TenantId(T), s.id()));
    }

    @Test
    void aCrashBeforeTheRenameIsFinishedByTheNextHead() throws Exception {
        Started s = started(1024 * 1024 + 17);
        Path spool = allBytesCommitted(s);
        // Nothing finishes it at once (the housekeeping job waits out a grace): the client's HEAD does.
        JsonNode before = api.get("/api/v1/evaluations/" + s.evaluation(), s.token()).body().get("uploads").get(0).get("sha256");
        assertThat(before == null || before.isNull()).isTrue();

        ApiClient.Response head = api.send("HEAD", s.location(), s.token(), Map.of("Tus-Resumable", "1.0.0"), null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Upload-Offset")).isEqualTo(String.valueOf(s.file().length));
        assertComplete(s, spool);
    }

    @Test
    void aCrashCutCompletionIsFinishedByTheHousekeepingJobWhenTheClientNeverComesBack() throws Exception {
        Started recent = started(1024 * 1024 + 7);
        Path recentSpool = allBytesCommitted(recent);
        Started old = started(1024 * 1024 + 3);
        Path spool = allBytesCommitted(old);
        JdbcClient.create(ownerDataSource).sql("UPDATE evaluation_uploads SET updated_at = now() - make_interval(mins => 16) WHERE id = ?")
                .param(old.id()).update();

        expiry.expire();

        // Older than the grace: finished with no request (recording stored, digest, complete), and audited.
        assertComplete(old, spool);
        assertThat(api.get("/api/v1/audit?action=evaluation.upload_finished&limit=100", api.token(ShoppingFixture.adminOf(T))).raw())
                .contains(old.id().toString()).doesNotContain(recent.id().toString());
        // Within the grace a completion may still be running elsewhere: left alone.
        assertThat(recentSpool).exists();
        JsonNode recentUpload = api.get("/api/v1/evaluations/" + recent.evaluation(), recent.token()).body().get("uploads").get(0);
        assertThat(recentUpload.get("completed_at") == null || recentUpload.get("completed_at").isNull()).isTrue();
    }

    @Test
    void aCrashBetweenTheRenameAndTheDatabaseLosesNothing() throws Exception {
        Started s = started(1024 * 1024 + 31);
        Path spool = allBytesCommitted(s);
        blobs().putFile(completion.key(new TenantId(T), upload(s)), spool, BlobAttributes.of("video/mp4"));
        assertThat(spool).doesNotExist();

        // The client resumes with a PATCH at the end (nothing left to send): 204 at the full offset, and no empty spool
        // file is created in place of the moved one.
        HttpResponse<String> patched = http.send(HttpRequest.newBuilder(URI.create(api.base() + s.location()))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + s.token())
                .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", String.valueOf(s.file().length)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
        assertThat(patched.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(s.file().length));
        assertComplete(s, spool);
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
