package io.verbatim.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An evaluation's recording streamed for the player: whole or by byte range (206, 416), in the evaluation's scope (its
 * shopper, the campaign's managers, admins; nobody else, no other company), and redacted for who may not hear personal data.
 */
class EvaluationMediaIT extends PlatformTest {

    static final String T = "demo-tenant";
    final HttpClient http = HttpClient.newHttpClient();
    String admin;
    String shopper;
    String manager;
    String zone;
    String campaign;
    String evaluation;
    String upload;
    byte[] wav;

    @BeforeEach
    void recordedEvaluation() {
        admin = api.token("admin@demo.local");
        zone = ShoppingFixture.zone(api, admin, "Naco");
        shopper = ShoppingFixture.shopper(api, T);
        manager = ShoppingFixture.manager(api, T);
        campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, T, shopper), ShoppingFixture.userId(api, T, manager));
        evaluation = ShoppingFixture.evaluation(api, api.token(shopper), campaign, zone);
        wav = ShoppingFixture.toneWav(2);
        upload = ShoppingFixture.upload(api, api.token(shopper), evaluation, wav, "visita.wav", "audio/wav");
    }

    private String path() {
        return "/api/v1/evaluations/" + evaluation + "/uploads/" + upload + "/media";
    }

    private HttpResponse<byte[]> get(String token, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path())).header("Authorization", "Bearer " + token);
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theRecordingStreamsWholeAndByRange() throws Exception {
        String token = api.token(shopper);
        int n = wav.length;

        HttpResponse<byte[]> whole = get(token, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("accept-ranges")).hasValue("bytes");
        assertThat(whole.headers().firstValue("content-type")).hasValue("audio/wav");
        assertThat(whole.headers().firstValue("content-length")).hasValue(Integer.toString(n));
        assertThat(whole.body()).isEqualTo(wav);

        HttpResponse<byte[]> head = get(token, "bytes=0-99");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("content-range")).hasValue("bytes 0-99/" + n);
        assertThat(head.headers().firstValue("accept-ranges")).hasValue("bytes");
        assertThat(head.body()).isEqualTo(Arrays.copyOfRange(wav, 0, 100));

        // A player's first request, and a seek: open-ended ranges.
        HttpResponse<byte[]> first = get(token, "bytes=0-");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.headers().firstValue("content-range")).hasValue("bytes 0-" + (n - 1) + "/" + n);
        assertThat(first.body()).isEqualTo(wav);
        HttpResponse<byte[]> seek = get(token, "bytes=16000-");
        assertThat(seek.statusCode()).isEqualTo(206);
        assertThat(seek.headers().firstValue("content-range")).hasValue("bytes 16000-" + (n - 1) + "/" + n);
        assertThat(seek.body()).isEqualTo(Arrays.copyOfRange(wav, 16000, n));

        // The last bytes; a span past the end is cut at the end; the last byte alone.
        assertThat(get(token, "bytes=-10").body()).isEqualTo(Arrays.copyOfRange(wav, n - 10, n));
        HttpResponse<byte[]> past = get(token, "bytes=" + (n - 5) + "-" + (n + 1000));
        assertThat(past.statusCode()).isEqualTo(206);
        assertThat(past.headers().firstValue("content-range")).hasValue("bytes " + (n - 5) + "-" + (n - 1) + "/" + n);
        assertThat(past.body()).isEqualTo(Arrays.copyOfRange(wav, n - 5, n));
        assertThat(get(token, "bytes=" + (n - 1) + "-" + (n - 1)).body()).containsExactly(wav[n - 1]);

        // Starting at or past the end: 416 with the size.
        for (String unsatisfiable : new String[] {"bytes=" + n + "-", "bytes=" + (n + 100) + "-" + (n + 200)}) {
            HttpResponse<byte[]> refused = get(token, unsatisfiable);
            assertThat(refused.statusCode()).as(unsatisfiable).isEqualTo(416);
            assertThat(refused.headers().firstValue("content-range")).hasValue("bytes */" + n);
            assertThat(refused.body()).isEmpty();
        }
        // A header that is not one byte range is ignored, as HTTP allows: the whole recording.
        for (String ignored : new String[] {"bytes=10-5", "items=0-9", "bytes=0-9,20-29", "bytes=abc"}) {
            HttpResponse<byte[]> all = get(token, ignored);
            assertThat(all.statusCode()).as(ignored).isEqualTo(200);
            assertThat(all.body()).as(ignored).isEqualTo(wav);
        }
    }

    @Test
    void onlyThoseWhoSeeTheEvaluationHearIt() throws Exception {
        assertThat(get(admin, "bytes=0-9").statusCode()).isEqualTo(206);
        assertThat(get(api.token(manager), "bytes=0-9").statusCode()).isEqualTo(206);
        assertThat(get(api.token("exec@demo.local"), null).statusCode()).isEqualTo(200);

        // A shopper of another campaign, a manager of none, another company's admin: as if it did not exist.
        String otherShopper = ShoppingFixture.shopper(api, T);
        ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone, ShoppingFixture.userId(api, T, otherShopper), null);
        for (String outsider : new String[] {otherShopper, ShoppingFixture.manager(api, T), "admin@acme.local"}) {
            HttpResponse<byte[]> refused = get(api.token(outsider), "bytes=0-9");
            assertThat(refused.statusCode()).as(outsider).isEqualTo(404);
            assertThat(new String(refused.body())).as(outsider).doesNotContain("RIFF");
        }
        // An upload of another evaluation under this one's path, an unknown upload: 404.
        String other = ShoppingFixture.evaluation(api, api.token(shopper), campaign, zone);
        assertThat(api.get("/api/v1/evaluations/" + other + "/uploads/" + upload + "/media", admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/evaluations/" + evaluation + "/uploads/" + UUID.randomUUID() + "/media", admin).status())
                .isEqualTo(404);
        assertThat(api.get(path(), null).status()).isEqualTo(401);
    }

    @Test
    void anUnfinishedUploadDoesNotPlay() {
        String token = api.token(shopper);
        ApiClient.Response created = api.send("POST", "/api/v1/evaluations/" + evaluation + "/uploads", token, java.util.Map.of(
                "Tus-Resumable", "1.0.0", "Upload-Length", "1000", "Upload-Metadata", "filename " + TusUploadIT.b64("b.wav")), null);
        String unfinished = created.header("Location");
        ApiClient.Response refused = api.get(unfinished + "/media", token);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("urn:verbatim:problem:upload-incomplete");
    }

    @Test
    void withRedactionOnOnlyAdminsHearTheOriginal() throws Exception {
        String bossEmail = "boss-" + UUID.randomUUID().toString().substring(0, 8) + "@redacta.local";
        assertThat(ShoppingFixture.company(api, "Redacta " + UUID.randomUUID(), bossEmail).status()).isEqualTo(201);
        String boss = api.token(bossEmail);
        String z = ShoppingFixture.zone(api, boss, "Centro");
        String s = ShoppingFixture.shopper(api, bossEmail);
        String m = ShoppingFixture.manager(api, bossEmail);
        String c = ShoppingFixture.campaign(api, boss, ShoppingFixture.survey(api, boss), z,
                ShoppingFixture.userId(api, bossEmail, s), ShoppingFixture.userId(api, bossEmail, m));
        assertThat(api.patch("/api/v1/settings", boss, "{\"redact_pii\":true}").status()).isEqualTo(200);
        evaluation = ShoppingFixture.evaluation(api, api.token(s), c, z);
        upload = ShoppingFixture.upload(api, api.token(s), evaluation, wav, "visita.wav", "audio/wav");

        assertThat(get(boss, null).body()).isEqualTo(wav);
        // The manager gets only the pipeline's redacted copy; a Spanish recording on the embedded engine has none.
        ApiClient.Response pending = api.get(path(), api.token(m));
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.problemType()).isEqualTo("urn:verbatim:problem:redaction-pending");
    }
}
