package io.verbatim.shopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.storage.BlobKey;
import io.verbatim.storage.StorageLayout;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** tus 1.0 uploads of an evaluation's media: creation, offsets, checksum, termination, and a resume after a drop. */
class TusUploadIT extends PlatformTest {

    static final String T = "demo-tenant";
    final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    TenantStorage storage;
    @Autowired
    Tenants tenants;
    String shopper;
    String token;
    String evaluation;

    @BeforeEach
    void evaluation() {
        String admin = api.token("admin@demo.local");
        String zone = ShoppingFixture.zone(api, admin, "Bella Vista");
        shopper = ShoppingFixture.shopper(api, T);
        String campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, T, shopper), null);
        token = api.token(shopper);
        evaluation = api.post("/api/v1/evaluations", token, ShopperEvaluationApiIT.body(campaign, zone, ShopperEvaluationApiIT.GOOD))
                .body().get("id").asString();
    }

    ApiClient.Response create(String who, long length) {
        return api.send("POST", "/api/v1/evaluations/" + evaluation + "/uploads", who, Map.of("Tus-Resumable", "1.0.0",
                "Upload-Length", String.valueOf(length), "Upload-Metadata",
                "filename " + b64("visita.mp4") + ",filetype " + b64("video/mp4")), null);
    }

    HttpResponse<String> patch(String location, String who, long offset, byte[] chunk, String checksum) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + location))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk)).header("Authorization", "Bearer " + who)
                .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", String.valueOf(offset));
        if (checksum != null) {
            b.header("Upload-Checksum", checksum);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    long head(String location, String who) {
        ApiClient.Response r = api.send("HEAD", location, who, Map.of("Tus-Resumable", "1.0.0"), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        return Long.parseLong(r.header("Upload-Offset"));
    }

    @Test
    void anUploadResumedAfterADroppedConnectionHasTheSameBytes() throws Exception {
        byte[] file = new byte[3 * 1024 * 1024 + 123];
        new Random(15).nextBytes(file);
        ApiClient.Response created = create(token, file.length);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.header("Tus-Resumable")).isEqualTo("1.0.0");
        String location = created.header("Location");
        assertThat(location).startsWith("/api/v1/evaluations/" + evaluation + "/uploads/");
        assertThat(head(location, token)).isZero();

        // a first chunk with a good checksum
        byte[] first = Arrays.copyOfRange(file, 0, 1024 * 1024);
        HttpResponse<String> ok = patch(location, token, 0, first, "sha1 " + sha1(first));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
        assertThat(ok.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(first.length));

        // a corrupted chunk: 460 and nothing kept
        byte[] second = Arrays.copyOfRange(file, first.length, 2 * 1024 * 1024);
        byte[] corrupted = second.clone();
        corrupted[10] ^= 1;
        HttpResponse<String> bad = patch(location, token, first.length, corrupted, "sha1 " + sha1(second));
        assertThat(bad.statusCode()).isEqualTo(460);
        assertThat(bad.body()).contains("urn:verbatim:problem:checksum-mismatch");
        assertThat(head(location, token)).isEqualTo(first.length);

        // the wrong offset is a conflict
        assertThat(patch(location, token, 5, second, null).statusCode()).isEqualTo(409);

        // the connection drops after half of the rest: what arrived is kept, the client resumes from HEAD
        int dropAfter = 700 * 1024;
        HttpRequest dropping = HttpRequest.newBuilder(URI.create(api.base() + location))
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new DroppingStream(file, first.length, dropAfter)))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", String.valueOf(first.length)).build();
        assertThatThrownBy(() -> http.send(dropping, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        long resumeAt = awaitOffsetSettled(location);
        assertThat(resumeAt).isBetween((long) first.length, (long) first.length + dropAfter);

        HttpResponse<String> rest = patch(location, token, resumeAt, Arrays.copyOfRange(file, (int) resumeAt, file.length), null);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        assertThat(rest.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(file.length));

        JsonNode upload = api.get("/api/v1/evaluations/" + evaluation, token).body().get("uploads").get(0);
        assertThat(upload.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(upload.get("filename").asString()).isEqualTo("visita.mp4");
        assertThat(upload.get("completed_at")).isNotNull();
        // The object's etag is the SHA-256 the PATCHes kept while the bytes arrived (across the mismatch and the drop).
        TenantBlobs blobs = storage.forTenant(tenants.get(new TenantId(T)));
        BlobKey key = blobs.listAll(blobs.layout().root(StorageLayout.INPUT) + "evaluations/" + evaluation + "/").findFirst()
                .orElseThrow().key();
        assertThat(blobs.stat(key).orElseThrow().etag()).isEqualTo(upload.get("sha256").asString());
        assertThat(patch(location, token, file.length, new byte[1], null).statusCode()).isEqualTo(409);
    }

    @Test
    void onlyTheShopperOfTheEvaluationUploadsAndTerminationRemovesTheUpload() throws Exception {
        String location = create(token, 10).header("Location");
        String acme = api.token("admin@acme.local");
        String otherShopper = api.token(ShoppingFixture.shopper(api, T));
        String manager = api.token("manager@demo.local");
        assertThat(api.send("HEAD", location, acme, Map.of("Tus-Resumable", "1.0.0"), null).status()).isEqualTo(404);
        assertThat(patch(location, acme, 0, new byte[10], null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", location, acme, Map.of("Tus-Resumable", "1.0.0"), null).status()).isEqualTo(404);
        assertThat(create(acme, 10).status()).isEqualTo(404);
        assertThat(patch(location, otherShopper, 0, new byte[10], null).statusCode()).isEqualTo(404);
        assertThat(create(manager, 10).status()).isEqualTo(404);
        assertThat(patch(location, manager, 0, new byte[10], null).statusCode()).isEqualTo(404);

        // protocol rules
        assertThat(api.send("POST", "/api/v1/evaluations/" + evaluation + "/uploads", token, Map.of("Upload-Length", "10"), null).status())
                .isEqualTo(412);
        assertThat(create(token, 3L * 1024 * 1024 * 1024).status()).isEqualTo(413);
        assertThat(patch(location, token, 0, new byte[11], null).statusCode()).isEqualTo(400);
        assertThat(patch(location, token, 0, new byte[3], "md5 AAAA").statusCode()).isEqualTo(400);
        ApiClient.Response options = api.send("OPTIONS", "/api/v1/evaluations/" + evaluation + "/uploads", token, Map.of(), null);
        assertThat(options.header("Tus-Extension")).contains("creation").contains("termination").contains("checksum");
        assertThat(options.header("Tus-Max-Size")).isEqualTo(String.valueOf(2L * 1024 * 1024 * 1024));

        // the company's admin may add media too (the PATCH's one-statement check), the shopper sees the offset
        var byAdmin = patch(location, api.token("admin@demo.local"), 0, new byte[4], null);
        assertThat(byAdmin.statusCode()).isEqualTo(204);
        assertThat(byAdmin.headers().firstValue("Upload-Offset")).contains("4");
        assertThat(api.send("HEAD", location, token, Map.of("Tus-Resumable", "1.0.0"), null).header("Upload-Offset")).isEqualTo("4");

        assertThat(api.send("DELETE", location, token, Map.of("Tus-Resumable", "1.0.0"), null).status()).isEqualTo(204);
        assertThat(api.send("HEAD", location, token, Map.of("Tus-Resumable", "1.0.0"), null).status()).isEqualTo(404);
    }

    /** The server commits a dropped PATCH's offset when it notices the drop: wait until HEAD stops moving. */
    private long awaitOffsetSettled(String location) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 50; i++) {
            long now = head(location, token);
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(200);
        }
        return last;
    }

    static String sha1(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Gives {@code limit} bytes of {@code file} from {@code from}, then fails like a lost connection. */
    static final class DroppingStream extends InputStream {
        private final byte[] file;
        private int pos;
        private final int end;

        DroppingStream(byte[] file, int from, int limit) {
            this.file = file;
            this.pos = from;
            this.end = from + limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= end) {
                throw new IOException("connection lost");
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(file, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
