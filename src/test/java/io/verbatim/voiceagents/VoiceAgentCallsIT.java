package io.verbatim.voiceagents;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.LocalHttpServer.Reply;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Voice-agent call reports end to end: a full Vapi end-of-call report and Retell's call_analyzed sample are
 * verified, kept once per call id, answered at once, and become one conversation each whose attributes keep
 * the report, whose transcript keeps the tool calls, and whose recordings were fetched; the assistant appears
 * with its figures for the roles that see the tenant, never for an agent or another tenant.
 */
class VoiceAgentCallsIT extends PlatformTest {

    private static final String VAPI_SECRET = "vapi-secret-" + UUID.randomUUID();
    private static final String RETELL_KEY = "key_" + UUID.randomUUID().toString().replace("-", "");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private LocalHttpServer recordings;
    private String admin;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        byte[] wav = TestAudio.clip(TestData.call("va_008.stereo.wav"), 0, 2);
        recordings = new LocalHttpServer().handle(r -> r.path().startsWith("/rec/") ? Reply.bytes("audio/wav", wav) : Reply.status(404));
        put(admin, "vapi", Map.of("secret", VAPI_SECRET));
        put(admin, "retell", Map.of("api_key", RETELL_KEY));
    }

    @AfterEach
    void tearDown() {
        recordings.close();
    }

    private void put(String token, String name, Map<String, String> fields) {
        var r = api.send("PUT", "/api/v1/credentials/" + name, token, Map.of(), api.json().writeValueAsString(fields));
        assertThat(r.status()).isIn(200, 201);
    }

    static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiClient.Response vapi(String tenant, String body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return api.send("POST", "/api/v1/webhooks/" + tenant + "/vapi", null,
                Map.of("x-signature", hmacHex(VAPI_SECRET, ts + "." + body), "x-timestamp", ts), body);
    }

    /** As Retell's SDK signs: v=<ms>,d=hex(HMAC-SHA256(api key, body + ms)). */
    static String retellSignature(String key, String body, long millis) {
        return "v=" + millis + ",d=" + hmacHex(key, body + millis);
    }

    private ApiClient.Response retell(String tenant, String body, String signature) {
        return api.send("POST", "/api/v1/webhooks/" + tenant + "/retell", null, Map.of("x-retell-signature", signature), body);
    }

    /** A full end-of-call report with the fields of Vapi's OpenAPI schema (formats/vapi/end-of-call-report.openapi-schemas.json). */
    private String vapiReport(String callId, String assistantId) {
        return """
                {"message": {"type": "end-of-call-report", "endedReason": "customer-ended-call", "cost": 0.1834,
                  "costs": [{"type": "transport", "cost": 0.0105}, {"type": "stt", "cost": 0.021}, {"type": "llm", "cost": 0.0419},
                            {"type": "tts", "cost": 0.06}, {"type": "vapi", "cost": 0.05}],
                  "startedAt": "2026-01-15T10:25:00Z", "endedAt": "2026-01-15T10:25:21.500Z",
                  "assistant": {"id": "%2$s", "name": "Clinic receptionist"},
                  "customer": {"number": "+16125550143"},
                  "phoneNumber": {"number": "+16125550100"},
                  "call": {"id": "%1$s", "type": "inboundPhoneCall", "assistantId": "%2$s",
                    "costBreakdown": {"transport": 0.0105, "stt": 0.021, "llm": 0.0419, "tts": 0.06, "vapi": 0.05, "total": 0.1834,
                      "llmPromptTokens": 1520, "llmCompletionTokens": 88}},
                  "analysis": {"summary": "The caller booked a cleaning for Friday at nine.",
                    "structuredData": {"booking_status": "booked", "service": "cleaning"}, "successEvaluation": "true"},
                  "artifact": {
                    "recording": {"stereoUrl": "%3$s", "mono": {"combinedUrl": "%4$s"}},
                    "transcript": "AI: Hi, this is Ava.\\nUser: I'd like a cleaning on Friday.",
                    "messages": [
                      {"role": "system", "message": "You are Ava.", "time": 1768472700000, "secondsFromStart": 0},
                      {"role": "bot", "message": "Hi, this is Ava from BrightSmile Dental. How can I help?", "time": 1768472700900, "endTime": 1768472703400, "secondsFromStart": 0.9},
                      {"role": "user", "message": "I'd like to book a cleaning on Friday morning.", "time": 1768472704000, "endTime": 1768472706600, "secondsFromStart": 4.0},
                      {"role": "tool_calls", "toolCalls": [{"id": "call_1", "type": "function", "function": {"name": "bookAppointment", "arguments": "{\\"service\\":\\"cleaning\\",\\"day\\":\\"friday\\"}"}}], "time": 1768472706900, "secondsFromStart": 6.9},
                      {"role": "tool_call_result", "toolCallId": "call_1", "name": "bookAppointment", "result": "{\\"booked\\":true}", "time": 1768472707400, "secondsFromStart": 7.4},
                      {"role": "bot", "message": "You're booked for Friday at nine. See you then!", "time": 1768472708000, "endTime": 1768472710500, "secondsFromStart": 8.0}]}}}"""
                .formatted(callId, assistantId, recordings.url("/rec/" + callId + "-stereo.wav"), recordings.url("/rec/" + callId + "-mono.wav"));
    }

    private JsonNode awaitEvent(String id) throws InterruptedException {
        return await(() -> api.get("/api/v1/inbound-webhooks/" + id, admin).body(),
                e -> e.get("status") != null && Set.of("done", "failed", "ignored").contains(e.get("status").asString()));
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(150);
        }
        throw new AssertionError("timed out; last " + last);
    }

    private JsonNode assistantByProviderId(String token, String providerId) {
        for (JsonNode a : api.get("/api/v1/assistants", token).body().get("items")) {
            if (providerId.equals(a.get("provider_assistant_id").asString())) {
                return a;
            }
        }
        return null;
    }

    @Test
    void vapiReportIsKeptInFullWithToolCallsRecordingsAndAssistant() throws Exception {
        String callId = "call-" + UUID.randomUUID();
        String assistantId = "asst-" + UUID.randomUUID();
        String body = vapiReport(callId, assistantId);

        long started = System.nanoTime();
        var first = vapi("demo-tenant", body);
        long ackMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        assertThat(first.body().get("event_id").asString()).isEqualTo(callId);
        assertThat(ackMillis).as("acknowledged before processing (no recording fetched on the request)").isLessThan(5_000);

        JsonNode event = awaitEvent(first.body().get("id").asString());
        assertThat(event.get("status").asString()).as(event.toString()).isEqualTo("done");
        String conversationId = event.get("conversation_id").asString();
        JsonNode c = api.get("/api/v1/conversations/" + conversationId, admin).body().get("conversation");
        JsonNode attributes = c.get("attributes");
        assertThat(attributes.get("ended_reason").asString()).isEqualTo("customer-ended-call");
        assertThat(attributes.get("cost").asDouble()).isEqualTo(0.1834);
        assertThat(attributes.get("cost_breakdown").get("llm").asDouble()).isEqualTo(0.0419);
        assertThat(attributes.get("cost_breakdown").get("llmPromptTokens").asInt()).isEqualTo(1520);
        assertThat(attributes.get("summary").asString()).contains("cleaning");
        assertThat(attributes.get("structured_data").get("booking_status").asString()).isEqualTo("booked");
        assertThat(attributes.get("success_evaluation").asString()).isEqualTo("true");
        assertThat(attributes.get("assistant_id").asString()).isEqualTo(assistantId);
        assertThat(attributes.get("duration_seconds").asDouble()).isEqualTo(21.5);
        assertThat(attributes.get("transferred").asBoolean()).isFalse();
        // Both recordings were fetched (off the request) and kept beside the agent's transcript.
        assertThat(attributes.get("recordings").get("mono").get("key").asString()).startsWith("input/demo-tenant/audio/" + conversationId + ".mono.");
        assertThat(attributes.get("recordings").get("stereo").get("channels").asInt()).isEqualTo(2);
        assertThat(recordings.requests("/rec/" + callId)).hasSize(2);

        JsonNode turns = api.get("/api/v1/conversations/" + conversationId + "/transcript", admin).body().get("turns");
        assertThat(turns.size()).isEqualTo(5);
        JsonNode toolCall = turns.get(2);
        assertThat(toolCall.get("speaker_label").asString()).isEqualTo("tool_calls");
        assertThat(toolCall.get("speaker").asString()).isEqualTo("unknown");
        assertThat(toolCall.get("text").asString()).isEqualTo("tool call: bookAppointment {\"service\":\"cleaning\",\"day\":\"friday\"}");
        assertThat(toolCall.get("start").asDouble()).isEqualTo(6.9);
        assertThat(turns.get(3).get("text").asString()).isEqualTo("tool result: bookAppointment → {\"booked\":true}");
        assertThat(turns.get(1).get("speaker").asString()).isEqualTo("customer");
        assertThat(turns.get(1).get("end").asDouble()).isEqualTo(6.6);

        // Vapi sends it once, but a replay (or a retry of ours) is the same call: nothing new, nothing fetched again.
        var again = vapi("demo-tenant", body);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        Thread.sleep(300);
        assertThat(recordings.requests("/rec/" + callId)).hasSize(2);

        // The assistant appears, created from the report, with this call counted.
        JsonNode assistant = await(() -> assistantByProviderId(admin, assistantId), a -> a.get("metrics").get("calls").asLong() == 1);
        assertThat(assistant.get("name").asString()).isEqualTo("Clinic receptionist");
        assertThat(assistant.get("provider").asString()).isEqualTo("vapi");
        assertThat(assistant.get("metrics").get("cost_per_call").asDouble()).isEqualTo(0.1834);
        assertThat(assistant.get("metrics").get("average_duration_seconds").asDouble()).isEqualTo(21.5);
        assertThat(assistant.get("metrics").get("ended_reasons").get("customer-ended-call").asLong()).isEqualTo(1);
        assertThat(assistant.get("metrics").get("failures").asLong()).isZero();

        String id = assistant.get("id").asString();
        var detail = api.get("/api/v1/assistants/" + id, api.token("exec@demo.local"));
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().get("failed_calls").size()).isZero();
        assertThat(api.get("/api/v1/assistants/" + id, api.token("manager@demo.local")).status()).isEqualTo(200);

        // Role scope: an agent sees no tenant-wide dashboards; only an admin renames or describes an assistant.
        String csr = api.token("csr1@demo.local");
        assertThat(api.get("/api/v1/assistants", csr).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/assistants/" + id, csr).status()).isEqualTo(403);
        String patch = "{\"purpose\": \"Books cleanings and check-ups\"}";
        assertThat(api.send("PATCH", "/api/v1/assistants/" + id, api.token("manager@demo.local"), Map.of(), patch).status()).isEqualTo(403);
        var patched = api.send("PATCH", "/api/v1/assistants/" + id, admin, Map.of(), patch);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("purpose").asString()).isEqualTo("Books cleanings and check-ups");
        var renamed = api.send("PATCH", "/api/v1/assistants/" + id, admin, Map.of(), "{\"name\": \"Ava (front desk)\"}");
        assertThat(renamed.body().get("name").asString()).isEqualTo("Ava (front desk)");
        // A later report of the same assistant is counted and does not undo the admin's name.
        assertThat(vapi("demo-tenant", vapiReport("call-" + UUID.randomUUID(), assistantId)).status()).isEqualTo(200);
        JsonNode after = await(() -> assistantByProviderId(admin, assistantId), a -> a.get("metrics").get("calls").asLong() == 2);
        assertThat(after.get("name").asString()).isEqualTo("Ava (front desk)");
        assertThat(after.get("purpose").asString()).isEqualTo("Books cleanings and check-ups");

        // Another tenant: the assistant does not exist there, and it cannot be changed from there.
        String acme = api.token("admin@acme.local");
        assertThat(assistantByProviderId(acme, assistantId)).isNull();
        assertThat(api.get("/api/v1/assistants/" + id, acme).status()).isEqualTo(404);
        assertThat(api.send("PATCH", "/api/v1/assistants/" + id, acme, Map.of(), "{\"name\": \"x\"}").status()).isEqualTo(404);
        // ... and demo's Vapi secret opens nothing in acme.
        assertThat(vapi("acme", vapiReport("call-" + UUID.randomUUID(), assistantId)).status()).isEqualTo(401);
    }

    @Test
    void failedCallIsListedForReview() throws Exception {
        String callId = "call-" + UUID.randomUUID();
        String assistantId = "asst-" + UUID.randomUUID();
        ObjectNode root = (ObjectNode) api.json().readTree(vapiReport(callId, assistantId));
        ObjectNode message = (ObjectNode) root.get("message");
        message.put("endedReason", "pipeline-error-openai-llm-failed");
        ((ObjectNode) message.get("analysis")).put("successEvaluation", "false");
        message.set("destination", api.json().readTree("{\"type\": \"number\", \"number\": \"+16125550199\"}"));
        var r = vapi("demo-tenant", api.json().writeValueAsString(root));
        assertThat(r.status()).isEqualTo(200);
        JsonNode assistant = await(() -> assistantByProviderId(admin, assistantId), a -> a.get("metrics").get("calls").asLong() == 1);
        assertThat(assistant.get("metrics").get("failures").asLong()).isEqualTo(1);
        assertThat(assistant.get("metrics").get("transfers").asLong()).isEqualTo(1);
        JsonNode detail = api.get("/api/v1/assistants/" + assistant.get("id").asString(), admin).body();
        assertThat(detail.get("failed_calls")).hasSize(1);
        assertThat(detail.get("failed_calls").get(0).get("call_id").asString()).isEqualTo(callId);
        assertThat(detail.get("failed_calls").get(0).get("reason").asString()).isEqualTo("ended with pipeline-error-openai-llm-failed");
    }

    @Test
    void retellCallAnalyzedIsVerifiedAsTheSdkDoesAndMapped() throws Exception {
        String callId = "call_" + UUID.randomUUID().toString().replace("-", "");
        String agentId = "agent_" + UUID.randomUUID().toString().replace("-", "");
        String sample = Files.readString(Path.of("src/test/resources/formats/retell/call_analyzed.json"));
        ObjectNode root = (ObjectNode) api.json().readTree(sample);
        ObjectNode call = (ObjectNode) root.get("call");
        call.put("call_id", callId);
        call.put("agent_id", agentId);
        call.put("recording_url", recordings.url("/rec/" + callId + ".wav"));
        call.put("recording_multi_channel_url", recordings.url("/rec/" + callId + "-multi.wav"));
        String body = api.json().writeValueAsString(root);
        long now = System.currentTimeMillis();

        // Refused: another key, a tampered body, a signature older than five minutes, a malformed header, none at all.
        assertThat(retell("demo-tenant", body, retellSignature("key_wrong", body, now)).status()).isEqualTo(401);
        assertThat(retell("demo-tenant", body + " ", retellSignature(RETELL_KEY, body, now)).status()).isEqualTo(401);
        long stale = now - Duration.ofMinutes(5).plusSeconds(5).toMillis();
        assertThat(retell("demo-tenant", body, retellSignature(RETELL_KEY, body, stale)).status()).isEqualTo(401);
        assertThat(retell("demo-tenant", body, "d=" + hmacHex(RETELL_KEY, body + now)).status()).isEqualTo(401);
        assertThat(api.send("POST", "/api/v1/webhooks/demo-tenant/retell", null, Map.of(), body).status()).isEqualTo(401);
        assertThat(retell("acme", body, retellSignature(RETELL_KEY, body, now)).status()).isEqualTo(401);
        assertThat(recordings.requests("/rec/" + callId)).isEmpty();

        // Events other than call_analyzed are acknowledged and dropped.
        String started = "{\"event\":\"call_started\",\"call\":{\"call_id\":\"" + callId + "\"}}";
        var dropped = retell("demo-tenant", started, retellSignature(RETELL_KEY, started, now));
        assertThat(dropped.status()).isEqualTo(200);
        assertThat(dropped.body().get("status").asString()).isEqualTo("dropped");

        var first = retell("demo-tenant", body, retellSignature(RETELL_KEY, body, now - 60_000));
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        assertThat(first.body().get("event_id").asString()).isEqualTo(callId);
        var again = retell("demo-tenant", body, retellSignature(RETELL_KEY, body, System.currentTimeMillis()));
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();

        JsonNode event = awaitEvent(first.body().get("id").asString());
        assertThat(event.get("status").asString()).as(event.toString()).isEqualTo("done");
        String conversationId = event.get("conversation_id").asString();
        JsonNode c = api.get("/api/v1/conversations/" + conversationId, admin).body().get("conversation");
        assertThat(c.get("source").asString()).isEqualTo("retell");
        assertThat(c.get("external_id").asString()).isEqualTo(callId);
        assertThat(c.get("started_at").asString()).isEqualTo("2024-05-02T00:07:55.945Z");
        JsonNode attributes = c.get("attributes");
        assertThat(attributes.get("ended_reason").asString()).isEqualTo("agent_hangup");
        assertThat(attributes.get("disconnection_reason").asString()).isEqualTo("agent_hangup");
        assertThat(attributes.get("cost").asDouble()).isCloseTo(0.110532, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(attributes.get("cost_breakdown").get("combined_cost").asDouble()).isEqualTo(11.0532);
        assertThat(attributes.get("summary").asString()).contains("cleaning");
        assertThat(attributes.get("structured_data").get("booking_status").asString()).isEqualTo("booked");
        assertThat(attributes.get("success_evaluation").asBoolean()).isTrue();
        assertThat(attributes.get("call_analysis").get("user_sentiment").asString()).isEqualTo("Positive");
        assertThat(attributes.get("duration_seconds").asDouble()).isEqualTo(15.791);
        assertThat(attributes.get("recordings").get("stereo").get("key").asString()).contains(conversationId + ".stereo.");
        assertThat(recordings.requests("/rec/" + callId)).hasSize(2);

        JsonNode turns = api.get("/api/v1/conversations/" + conversationId + "/transcript", admin).body().get("turns");
        assertThat(turns.size()).isEqualTo(7);
        assertThat(turns.get(0).get("speaker").asString()).isEqualTo("agent");
        assertThat(turns.get(0).get("start").asDouble()).isEqualTo(0.7);
        assertThat(turns.get(0).get("end").asDouble()).isEqualTo(2.2);
        assertThat(turns.get(0).get("words").size()).isEqualTo(5);
        assertThat(turns.get(1).get("speaker").asString()).isEqualTo("customer");
        assertThat(turns.get(4).get("text").asString()).startsWith("tool call: book_appointment ");
        assertThat(turns.get(4).get("start").asDouble()).isEqualTo(11.4);
        assertThat(turns.get(5).get("text").asString()).isEqualTo("tool result: {\"booked\":true,\"confirmation\":\"A-1042\"}");

        JsonNode assistant = await(() -> assistantByProviderId(admin, agentId), a -> a.get("metrics").get("calls").asLong() == 1);
        assertThat(assistant.get("name").asString()).isEqualTo("Front desk");
        assertThat(assistant.get("provider").asString()).isEqualTo("retell");
    }
}
