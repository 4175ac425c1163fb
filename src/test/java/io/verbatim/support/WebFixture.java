package io.verbatim.support;

import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Labelled call transcripts imported through the real pipeline (enriched and analysed) for the web
 * app's tests, once per test JVM: demo-tenant calls for csr1, csr2 and rep1 (two teams) plus one with
 * no agent, and two calls in acme for cross-tenant checks. Keys are the call names ("acme:sup_002").
 */
public final class WebFixture {

    /** Tags every fixture conversation, so tests can narrow to them in the shared database. */
    public static final String TAG = "web-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, String> IDS = new LinkedHashMap<>();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private WebFixture() {
    }

    /** The fixture's conversation ids by call name, importing them on first use. */
    public static synchronized Map<String, String> calls(ApiClient api) {
        if (IDS.isEmpty()) {
            try {
                load(api);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return IDS;
    }

    private static void load(ApiClient api) throws Exception {
        Uploads uploads = new Uploads(api);
        String demo = api.token("admin@demo.local");
        String acme = api.token("admin@acme.local");
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("csr_002", upload(uploads, demo, "csr_002", "csr1@demo.local", "inbound", "phone", 1));
        ids.put("sup_002", upload(uploads, demo, "sup_002", "csr1@demo.local", "inbound", "phone", 2));
        ids.put("sup_003", upload(uploads, demo, "sup_003", "csr2@demo.local", "inbound", "phone", 3));
        ids.put("csr_003", upload(uploads, demo, "csr_003", "csr2@demo.local", "outbound", "phone", 5));
        ids.put("fs_003", upload(uploads, demo, "fs_003", "rep1@demo.local", "in_person", "field_visit", 4));
        ids.put("fs_004", upload(uploads, demo, "fs_004", "rep1@demo.local", "in_person", "field_visit", 8));
        ids.put("va_002", upload(uploads, demo, "va_002", "", "inbound", "voice_agent", 6));
        ids.put("acme:sup_005", upload(uploads, acme, "sup_005", "", "inbound", "phone", 2));
        ids.put("acme:ms_002", upload(uploads, acme, "ms_002", "", "inbound", "phone", 3));
        for (var e : ids.entrySet()) {
            String token = e.getKey().startsWith("acme:") ? acme : demo;
            JsonNode done = uploads.awaitStatus(token, e.getValue(), Duration.ofSeconds(240), "completed", "failed");
            if (!"completed".equals(done.get("status").asString())) {
                throw new IllegalStateException(e.getKey() + " did not complete: " + done);
            }
        }
        IDS.putAll(ids);
    }

    private static String upload(Uploads uploads, String token, String call, String agent, String direction, String channel,
                                 int daysAgo) throws Exception {
        byte[] transcript = Files.readAllBytes(TestData.call(call + ".json"));
        String metadata = """
                {"external_id":"%s","source":"web-fixture","direction":"%s","channel":"%s","agent":"%s",
                 "started_at":"%s","tags":["%s"]}""".formatted(TAG + "-" + call, direction, channel, agent,
                NOW.minus(daysAgo, ChronoUnit.DAYS), TAG);
        var r = uploads.upload(token, new Part("transcript", call + ".json", "application/json", transcript),
                Part.json("metadata", metadata));
        if (r.status() != 202 && r.status() != 200) {
            throw new IllegalStateException("upload of " + call + " failed: " + r.raw());
        }
        return r.body().get("id").asString();
    }
}
