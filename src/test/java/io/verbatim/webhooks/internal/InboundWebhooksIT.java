package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.LocalHttpServer.Reply;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import io.verbatim.webhooks.StandardWebhooks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Provider webhooks end to end, with the providers' real samples: verified with the tenant's stored
 * secret, kept once per event id, answered at once, turned into one conversation off the request; a bad
 * signature gets 401 and leaves nothing behind; another tenant's secret opens nothing.
 */
class InboundWebhooksIT extends PlatformTest {

    private static final String TWILIO_TOKEN = "twilio-token-" + UUID.randomUUID();
    private static final String VAPI_SECRET = "vapi-secret-" + UUID.randomUUID();
    private static final String CALLRAIL_KEY = "072e77e426f92738a72fe23c4d1953b4"; // the docs' test signing key
    private static final String GENERIC_SECRET = StandardWebhooks.newSecret();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private LocalHttpServer recordings;
    private byte[] wav;
    private String admin;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        wav = TestAudio.clip(TestData.call("va_008.stereo.wav"), 0, 2);
        recordings = new LocalHttpServer().handle(r -> {
            if (r.path().endsWith(".wav") && ("Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:" + TWILIO_TOKEN).getBytes())).equals(r.header("authorization"))) {
                return Reply.bytes("audio/x-wav", wav);
            }
            if (r.path().startsWith("/public/")) {
                return Reply.bytes("audio/wav", wav);
            }
            return Reply.status(r.path().endsWith(".wav") ? 401 : 404);
        });
        put(admin, "twilio", Map.of("auth_token", TWILIO_TOKEN));
        put(admin, "vapi", Map.of("secret", VAPI_SECRET));
        put(admin, "callrail", Map.of("signing_key", CALLRAIL_KEY));
        put(admin, "generic:crm", Map.of("secret", GENERIC_SECRET));
    }

    @AfterEach
    void tearDown() {
        recordings.close();
    }

    private void put(String token, String name, Map<String, String> fields) {
        var r = api.send("PUT", "/api/v1/credentials/" + name, token, Map.of(), api.json().writeValueAsString(fields));
        assertThat(r.status()).isIn(200, 201);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private String url(String path) {
        return api.base() + path;
    }

    private static String form(List<Map.Entry<String, String>> pairs) {
        return pairs.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private ApiClient.Response twilio(String tenant, List<Map.Entry<String, String>> pairs, String token) {
        String path = "/api/v1/webhooks/" + tenant + "/twilio";
        String signature = TwilioSignature.compute(token, url(path), pairs);
        return api.send("POST", path, null, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", signature), form(pairs));
    }

    private List<Map.Entry<String, String>> twilioCallback(String recordingSid, String status) throws Exception {
        String sample = Files.readString(TestData.root().resolve("formats/twilio/recording-status-callback.no-encryption.form-urlencoded.txt"));
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (var e : Form.parse(sample).pairs()) {
            String value = switch (e.getKey()) {
                case "RecordingSid" -> recordingSid;
                case "RecordingUrl" -> recordings.url("/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/Recordings/" + recordingSid);
                case "RecordingStatus" -> status;
                default -> e.getValue();
            };
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), value));
        }
        return pairs;
    }

    private static String sid() {
        return "RE" + UUID.randomUUID().toString().replace("-", "");
    }

    private ApiClient.Response vapi(String tenant, String body, String secret) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String signature = HexFormat.of().formatHex(Hmacs.hmac("HmacSHA256", secret.getBytes(), (ts + "." + body).getBytes()));
        return api.send("POST", "/api/v1/webhooks/" + tenant + "/vapi", null, Map.of("x-signature", signature, "x-timestamp", ts), body);
    }

    /** The docs' end-of-call report (its comment placeholders removed) with a call object filled in. */
    private String vapiReport(String callId) throws Exception {
        String text = Files.readString(TestData.root().resolve("formats/vapi/end-of-call-report.docs-current.VERBATIM.txt"));
        int from = text.indexOf("```json") + 7;
        String block = text.substring(from, text.indexOf("```", from)).replaceAll("/\\*.*?\\*/", "");
        ObjectNode root = (ObjectNode) api.json().readTree(block);
        ObjectNode message = (ObjectNode) root.get("message");
        message.set("call", api.json().readTree("""
                {"id":"%s","type":"inboundPhoneCall","customer":{"number":"+16125550143"}}""".formatted(callId)));
        message.put("startedAt", "2026-01-15T10:25:00Z");
        return api.json().writeValueAsString(root);
    }

    private ApiClient.Response generic(String tenant, String source, String id, long timestamp, String body, String secret) {
        String signature = StandardWebhooks.sign(StandardWebhooks.key(secret), id, timestamp, body.getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "/api/v1/webhooks/" + tenant + "/generic/" + source, null, Map.of("webhook-id", id,
                "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature), body);
    }

    private JsonNode awaitEvent(String token, String id, Set<String> statuses) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            var r = api.get("/api/v1/inbound-webhooks/" + id, token);
            last = r.body();
            if (r.status() == 200 && statuses.contains(last.get("status").asString())) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("event " + id + " did not reach " + statuses + "; last " + last);
    }

    private JsonNode conversation(String id) {
        return api.get("/api/v1/conversations/" + id, admin).body().get("conversation");
    }

    private long conversationsWith(String token, String externalId) {
        var list = api.get("/api/v1/conversations?limit=500", token).body().get("items");
        long n = 0;
        for (JsonNode c : list) {
            if (c.get("external_id") != null && externalId.equals(c.get("external_id").asString())) {
                n++;
            }
        }
        return n;
    }

    // ---- Twilio -----------------------------------------------------------------------------------------

    @Test
    void twilioRecordingCallbackIsVerifiedFetchedOnceAndIdempotent() throws Exception {
        String sid = sid();
        var pairs = twilioCallback(sid, "completed");
        var first = twilio("demo-tenant", pairs, TWILIO_TOKEN);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("duplicate").asBoolean()).isFalse();
        assertThat(first.body().get("event_id").asString()).isEqualTo(sid + ":completed");

        JsonNode event = awaitEvent(admin, first.body().get("id").asString(), Set.of("done", "failed"));
        assertThat(event.get("status").asString()).as(event.toString()).isEqualTo("done");
        JsonNode c = conversation(event.get("conversation_id").asString());
        assertThat(c.get("source").asString()).isEqualTo("twilio");
        assertThat(c.get("external_id").asString()).isEqualTo(sid);
        assertThat(c.get("started_at").asString()).isEqualTo("2019-05-28T02:18:02Z");
        assertThat(c.get("input").get("kind").asString()).isEqualTo("media");
        assertThat(c.get("attributes").get("call_sid").asString()).isEqualTo("CA5987df4d600665d67f53e1bd4cec76d6");

        // Twilio redelivers: same event, nothing new, the recording is not fetched again.
        var again = twilio("demo-tenant", pairs, TWILIO_TOKEN);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        Thread.sleep(500);
        assertThat(recordings.requests("/2010-04-01/").stream().filter(r -> r.path().contains(sid)).count()).isEqualTo(1);
        assertThat(conversationsWith(admin, sid)).isEqualTo(1);

        // A non-final status is kept, acknowledged and makes nothing.
        var progress = twilio("demo-tenant", twilioCallback(sid, "in-progress"), TWILIO_TOKEN);
        assertThat(progress.body().get("status").asString()).isEqualTo("ignored");
    }

    @Test
    void twilioBadSignatureIs401AndLeavesNothing() throws Exception {
        String sid = sid();
        var pairs = twilioCallback(sid, "completed");
        var wrongToken = twilio("demo-tenant", pairs, "not-the-token");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.problemType()).isEqualTo("urn:verbatim:problem:invalid-signature");
        // a valid signature over other parameters
        String path = "/api/v1/webhooks/demo-tenant/twilio";
        String signature = TwilioSignature.compute(TWILIO_TOKEN, url(path), pairs);
        List<Map.Entry<String, String>> tampered = new ArrayList<>(pairs);
        tampered.add(new AbstractMap.SimpleImmutableEntry<>("Extra", "1"));
        assertThat(api.send("POST", path, null, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", signature), form(tampered)).status()).isEqualTo(401);
        assertThat(api.send("POST", path, null, Map.of("Content-Type", "application/x-www-form-urlencoded"), form(pairs)).status())
                .isEqualTo(401);
        Thread.sleep(300);
        assertThat(api.get("/api/v1/inbound-webhooks?limit=500", admin).raw()).doesNotContain(sid);
        assertThat(recordings.requests().stream().anyMatch(r -> r.path().contains(sid))).isFalse();
        assertThat(conversationsWith(admin, sid)).isZero();
    }

    @Test
    void theRealTwilioSampleVerifiesAndAnEncryptedRecordingFailsWithAReason() throws Exception {
        byte[] sample = Files.readAllBytes(TestData.root().resolve("formats/twilio/recording-status-callback.form-urlencoded.txt"));
        String path = "/api/v1/webhooks/demo-tenant/twilio";
        String signature = TwilioSignature.compute(TWILIO_TOKEN, url(path), Form.parse(sample).pairs());
        var r = api.send("POST", path, null, Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature",
                signature), new String(sample, StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(200);
        JsonNode event = awaitEvent(admin, r.body().get("id").asString(), Set.of("failed", "done"));
        assertThat(event.get("status").asString()).isEqualTo("failed");
        assertThat(event.get("error").asString()).contains("encrypted");
    }

    // ---- Vapi -------------------------------------------------------------------------------------------

    @Test
    void vapiEndOfCallReportStoresTheAgentsOwnTranscript() throws Exception {
        String callId = "call-" + UUID.randomUUID();
        String body = vapiReport(callId);
        var r = vapi("demo-tenant", body, VAPI_SECRET);
        assertThat(r.status()).isEqualTo(200);
        JsonNode event = awaitEvent(admin, r.body().get("id").asString(), Set.of("done", "failed"));
        assertThat(event.get("status").asString()).as(event.toString()).isEqualTo("done");
        String id = event.get("conversation_id").asString();
        JsonNode c = conversation(id);
        assertThat(c.get("source").asString()).isEqualTo("vapi");
        assertThat(c.get("channel").asString()).isEqualTo("voice_agent");
        assertThat(c.get("direction").asString()).isEqualTo("inbound");
        assertThat(c.get("customer").get("phone").asString()).isEqualTo("+16125550143");
        assertThat(c.get("input").get("kind").asString()).isEqualTo("transcript");
        JsonNode transcript = api.get("/api/v1/conversations/" + id + "/transcript", admin).body();
        assertThat(transcript.get("turns").get(0).get("text").asString()).isEqualTo("How can I help?");
        assertThat(transcript.get("turns").get(0).get("speaker").asString()).isEqualTo("agent");
        assertThat(transcript.get("turns").get(1).get("speaker").asString()).isEqualTo("customer");

        var again = vapi("demo-tenant", body, VAPI_SECRET);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(conversationsWith(admin, callId)).isEqualTo(1);

        assertThat(vapi("demo-tenant", vapiReport("call-" + UUID.randomUUID()), "wrong-secret").status()).isEqualTo(401);
        var status = vapi("demo-tenant", "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"call\":{\"id\":\"x\"}}}",
                VAPI_SECRET);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().get("status").asString()).isEqualTo("dropped");
        assertThat(status.body().has("id")).isFalse();
        // the bearer-token and legacy secret-header forms of a Vapi credential
        String bearerCall = "call-" + UUID.randomUUID();
        assertThat(api.send("POST", "/api/v1/webhooks/demo-tenant/vapi", null, Map.of("Authorization", "Bearer " + VAPI_SECRET),
                vapiReport(bearerCall)).status()).isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/webhooks/demo-tenant/vapi", null, Map.of("X-Vapi-Secret", "nope"),
                vapiReport(bearerCall + "x")).status()).isEqualTo(401);
    }

    // ---- CallRail ---------------------------------------------------------------------------------------

    @Test
    void callRailsSignedSampleIsAcceptedAndATranscriptCallBecomesAConversation() throws Exception {
        byte[] sample = Files.readAllBytes(TestData.root().resolve("formats/callrail/webhook-signature-test-body.json"));
        var official = api.send("POST", "/api/v1/webhooks/demo-tenant/callrail", null,
                Map.of("Signature", "UZAHbUdfm3GqL7qzilGozGzWV64="), new String(sample, StandardCharsets.UTF_8));
        assertThat(official.status()).isEqualTo(200);
        assertThat(official.body().get("event_id").asString()).isEqualTo("766970532");
        // one byte changed: the same signature no longer verifies
        String tampered = new String(sample, StandardCharsets.UTF_8).replace("Kaylah", "Kaylaa");
        assertThat(api.send("POST", "/api/v1/webhooks/demo-tenant/callrail", null, Map.of("Signature", "UZAHbUdfm3GqL7qzilGozGzWV64="),
                tampered).status()).isEqualTo(401);

        ObjectNode call = (ObjectNode) api.json().readTree(sample);
        String id = "CAL" + UUID.randomUUID().toString().replace("-", "");
        call.put("id", id);
        call.put("agent_email", "csr1@demo.local");
        call.set("conversational_transcript", api.json().readTree("""
                [{"speaker":"agent","phrase":"Thanks for calling Boost Marketing, this is Casey.","start":0.4},
                 {"speaker":"caller","phrase":"Hi, I'd like a quote for a new furnace.","start":3.1},
                 {"speaker":"agent","phrase":"Happy to help with that.","start":6.0}]"""));
        String body = api.json().writeValueAsString(call);
        var r = api.send("POST", "/api/v1/webhooks/demo-tenant/callrail", null,
                Map.of("Signature", CallRailSignature.compute(CALLRAIL_KEY, body.getBytes(StandardCharsets.UTF_8))), body);
        assertThat(r.status()).isEqualTo(200);
        JsonNode event = awaitEvent(admin, r.body().get("id").asString(), Set.of("done", "failed"));
        assertThat(event.get("status").asString()).as(event.toString()).isEqualTo("done");
        JsonNode c = conversation(event.get("conversation_id").asString());
        assertThat(c.get("source").asString()).isEqualTo("callrail");
        assertThat(c.get("agent").get("name").asString()).isEqualTo("Casey CSR");
        assertThat(c.get("customer").get("name").asString()).isEqualTo("Kaylah Mills");
        JsonNode turns = api.get("/api/v1/conversations/" + c.get("id").asString() + "/transcript", admin).body().get("turns");
        assertThat(turns.size()).isEqualTo(3);
        assertThat(turns.get(1).get("speaker").asString()).isEqualTo("customer");
        assertThat(turns.get(1).get("start").asDouble()).isEqualTo(3.0);
    }

    // ---- generic Standard Webhooks ----------------------------------------------------------------------

    @Test
    void genericSignedWebhookWithTranscriptOrRecording() throws Exception {
        String ext = "crm-" + UUID.randomUUID();
        String body = """
                {"type":"call.ended","external_id":"%s","direction":"outbound","agent":"csr1@demo.local",
                 "customer":{"name":"Sandra K","phone":"+16125550143"},"tags":["crm"],
                 "transcript":"Agent: Hello, this is Casey from ComfortPro.\\nCustomer: Hi, I'm calling about my invoice."}"""
                .formatted(ext);
        String msgId = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        var r = generic("demo-tenant", "crm", msgId, now, body, GENERIC_SECRET);
        assertThat(r.status()).isEqualTo(200);
        JsonNode event = awaitEvent(admin, r.body().get("id").asString(), Set.of("done", "failed"));
        assertThat(event.get("status").asString()).as(event.toString()).isEqualTo("done");
        JsonNode c = conversation(event.get("conversation_id").asString());
        assertThat(c.get("source").asString()).isEqualTo("crm");
        assertThat(c.get("external_id").asString()).isEqualTo(ext);
        assertThat(c.get("agent").get("name").asString()).isEqualTo("Casey CSR");

        // a redelivery is re-signed with a new timestamp but keeps its webhook-id
        var again = generic("demo-tenant", "crm", msgId, now + 30, body, GENERIC_SECRET);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(conversationsWith(admin, ext)).isEqualTo(1);

        // stale, wrongly signed, unknown source, unreadable: refused, nothing kept
        assertThat(generic("demo-tenant", "crm", "msg_" + UUID.randomUUID(), now - 3600, body, GENERIC_SECRET).status()).isEqualTo(401);
        assertThat(generic("demo-tenant", "crm", "msg_" + UUID.randomUUID(), now, body, StandardWebhooks.newSecret()).status()).isEqualTo(401);
        assertThat(generic("demo-tenant", "nope", "msg_" + UUID.randomUUID(), now, body, GENERIC_SECRET).status()).isEqualTo(401);
        String badId = "msg_" + UUID.randomUUID();
        var unreadable = generic("demo-tenant", "crm", badId, now, "{\"external_id\":\"x\"}", GENERIC_SECRET);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/inbound-webhooks?limit=500", admin).raw()).doesNotContain(badId);

        // a recording URL is fetched (through the SSRF guard, allowed to reach this local server in tests)
        String recorded = "rec-" + UUID.randomUUID();
        var media = generic("demo-tenant", "crm", "msg_" + UUID.randomUUID(), now, """
                {"external_id":"%s","recording_url":"%s"}""".formatted(recorded, recordings.url("/public/" + recorded + ".wav")),
                GENERIC_SECRET);
        JsonNode fetched = awaitEvent(admin, media.body().get("id").asString(), Set.of("done", "failed"));
        assertThat(fetched.get("status").asString()).as(fetched.toString()).isEqualTo("done");
        assertThat(conversation(fetched.get("conversation_id").asString()).get("input").get("kind").asString()).isEqualTo("media");
    }

    // ---- tenants ----------------------------------------------------------------------------------------

    /** The request path keeps the decrypted secret in memory; a change to it must apply at once, not after the TTL. */
    @Test
    void aReplacedOrDeletedSecretStopsVerifyingAtOnce() throws Exception {
        assertThat(vapi("demo-tenant", "{\"message\":{\"type\":\"status-update\"}}", VAPI_SECRET).status()).isEqualTo(200);
        String replaced = "vapi-replaced-" + UUID.randomUUID();
        put(admin, "vapi", Map.of("secret", replaced));
        assertThat(vapi("demo-tenant", "{\"message\":{\"type\":\"status-update\"}}", VAPI_SECRET).status()).isEqualTo(401);
        assertThat(vapi("demo-tenant", "{\"message\":{\"type\":\"status-update\"}}", replaced).status()).isEqualTo(200);
        // a data-key rotation re-encrypts every credential: the cached copy is dropped and read again, still valid
        assertThat(api.post("/api/v1/credentials/rotate-key", admin, "").status()).isEqualTo(200);
        assertThat(vapi("demo-tenant", "{\"message\":{\"type\":\"status-update\"}}", replaced).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/credentials/vapi", admin).status()).isIn(200, 204);
        assertThat(vapi("demo-tenant", "{\"message\":{\"type\":\"status-update\"}}", replaced).status()).isEqualTo(401);
        // nothing absent is cached: a credential added again verifies on the next request
        put(admin, "vapi", Map.of("secret", VAPI_SECRET));
        assertThat(vapi("demo-tenant", "{\"message\":{\"type\":\"status-update\"}}", VAPI_SECRET).status()).isEqualTo(200);
    }

    @Test
    void aTenantsPathOpensOnlyWithThatTenantsSecretAndItsEventsStayItsOwn() throws Exception {
        String acmeAdmin = api.token("admin@acme.local");
        String callId = "call-" + UUID.randomUUID();
        // acme has no vapi credential: demo's secret on acme's path opens nothing
        api.delete("/api/v1/credentials/vapi", acmeAdmin);
        assertThat(vapi("acme", vapiReport(callId), VAPI_SECRET).status()).isEqualTo(401);
        String acmeSecret = "acme-vapi-" + UUID.randomUUID();
        put(acmeAdmin, "vapi", Map.of("secret", acmeSecret));
        assertThat(vapi("acme", vapiReport(callId), VAPI_SECRET).status()).isEqualTo(401);
        assertThat(vapi("demo-tenant", vapiReport(callId), acmeSecret).status()).isEqualTo(401);
        assertThat(vapi("no-such-tenant", vapiReport(callId), VAPI_SECRET).status()).isEqualTo(401);
        assertThat(vapi("Not%20A%20Tenant", vapiReport(callId), VAPI_SECRET).status()).isIn(400, 401, 404);

        var acme = vapi("acme", vapiReport(callId), acmeSecret);
        assertThat(acme.status()).isEqualTo(200);
        String eventId = acme.body().get("id").asString();
        JsonNode event = awaitEvent(acmeAdmin, eventId, Set.of("done", "failed"));
        assertThat(event.get("status").asString()).isEqualTo("done");
        String conversationId = event.get("conversation_id").asString();

        assertThat(api.get("/api/v1/inbound-webhooks/" + eventId, admin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/inbound-webhooks/" + eventId + "/retry", admin, "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inbound-webhooks?limit=500", admin).raw()).doesNotContain(callId);
        assertThat(api.get("/api/v1/conversations/" + conversationId, admin).status()).isEqualTo(404);
        assertThat(conversationsWith(admin, callId)).isZero();
        assertThat(conversationsWith(acmeAdmin, callId)).isEqualTo(1);
        assertThat(api.get("/api/v1/inbound-webhooks", api.token("manager@demo.local")).status()).isEqualTo(403);
    }

    @Test
    void aFailedEventCanBeRetriedOnceTheRecordingIsThere() throws Exception {
        String ext = "late-" + UUID.randomUUID();
        var missing = generic("demo-tenant", "crm", "msg_" + UUID.randomUUID(), Instant.now().getEpochSecond(), """
                {"external_id":"%s","recording_url":"%s"}""".formatted(ext, recordings.url("/gone/" + ext)), GENERIC_SECRET);
        JsonNode failed = awaitEvent(admin, missing.body().get("id").asString(), Set.of("failed", "done"));
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).contains("404");
        recordings.handle(r -> Reply.bytes("audio/wav", wav));
        var retry = api.post("/api/v1/inbound-webhooks/" + failed.get("id").asString() + "/retry", admin, "");
        assertThat(retry.status()).isEqualTo(202);
        JsonNode done = awaitEvent(admin, failed.get("id").asString(), Set.of("done", "failed"));
        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(api.post("/api/v1/inbound-webhooks/" + failed.get("id").asString() + "/retry", admin, "").status()).isEqualTo(409);
    }


}
