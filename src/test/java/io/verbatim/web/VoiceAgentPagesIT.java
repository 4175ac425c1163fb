package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The voice-agent pages and the webhook delivery log rendered on the server, for the roles that may see
 * them and not for others or another tenant; the log's payload view and replay through the API behind it.
 */
class VoiceAgentPagesIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");
    private static final String SECRET = "vapi-pages-" + UUID.randomUUID();

    private String admin;
    private String callId;
    private String assistantId;
    private JsonNode event;

    @BeforeEach
    void report() throws Exception {
        admin = api.token("admin@demo.local");
        assertThat(api.send("PUT", "/api/v1/credentials/vapi", admin, Map.of(), "{\"secret\":\"" + SECRET + "\"}").status()).isIn(200, 201);
        callId = "call-" + UUID.randomUUID();
        assistantId = "asst-" + UUID.randomUUID();
        String body = """
                {"message":{"type":"end-of-call-report","endedReason":"silence-timed-out","cost":0.05,"startedAt":"2026-02-01T10:00:00Z",
                  "endedAt":"2026-02-01T10:00:12Z","assistant":{"id":"%s","name":"Salon receptionist"},
                  "call":{"id":"%s","type":"inboundPhoneCall"},"analysis":{"successEvaluation":"false"},
                  "artifact":{"messages":[{"role":"bot","message":"Bella Salon, how can I help?","secondsFromStart":0.4},
                    {"role":"user","message":"Do you do colour on Sundays?","secondsFromStart":3.0}]}}}""".formatted(assistantId, callId);
        String ts = Long.toString(Instant.now().getEpochSecond());
        var r = api.send("POST", "/api/v1/webhooks/demo-tenant/vapi", null, Map.of("x-timestamp", ts, "x-signature", hmac(ts + "." + body)), body);
        assertThat(r.status()).isEqualTo(200);
        event = awaitDone(r.body().get("id").asString());
    }

    private static String hmac(String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode awaitDone(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/v1/inbound-webhooks/" + id, admin).body();
            if ("done".equals(last.path("status").asString()) || "failed".equals(last.path("status").asString())) {
                return last;
            }
            Thread.sleep(150);
        }
        throw new AssertionError("not processed: " + last);
    }

    private ApiClient.Response page(String path, String token) {
        return api.send("GET", path, token, HTML, null);
    }

    private String assistant() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode a : api.get("/api/v1/assistants", admin).body().get("items")) {
                if (assistantId.equals(a.get("provider_assistant_id").asString())) {
                    return a.get("id").asString();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("assistant " + assistantId + " never appeared");
    }

    @Test
    void assistantPagesForTenantWideRolesOnly() throws Exception {
        String id = assistant();
        var list = page("/assistants", api.token("manager@demo.local"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw()).contains("<h1>Voice agents</h1>").contains("data-id=\"" + id + "\"").contains("Salon receptionist");
        var detail = page("/assistants/" + id, api.token("exec@demo.local"));
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.raw()).contains("Salon receptionist").contains("id=\"failures\"").contains(callId)
                .contains("the provider&#39;s evaluation marked it unsuccessful");
        String csr = api.token("csr1@demo.local");
        assertThat(page("/assistants", csr).status()).isEqualTo(403);
        assertThat(page("/assistants/" + id, csr).status()).isEqualTo(403);
        String acme = api.token("admin@acme.local");
        var acmeList = page("/assistants", acme);
        assertThat(acmeList.status()).isEqualTo(200);
        assertThat(acmeList.raw()).doesNotContain(id).doesNotContain(assistantId);
        assertThat(page("/assistants/" + id, acme).status()).isEqualTo(404);
    }

    @Test
    void deliveryLogShowsPayloadAndReplaysForAdminsOfTheTenantOnly() throws Exception {
        String eventId = event.get("id").asString();
        var log = page("/settings/webhooks", admin);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.raw()).contains("<h2>Webhook delivery log</h2>").contains("/js/settings-webhooks.js")
                .contains("data-id=\"" + eventId + "\"").contains(callId);
        var detail = page("/settings/webhooks/inbound/" + eventId, admin);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.raw()).contains("id=\"payload\"").contains("Do you do colour on Sundays?").contains("class=\"btn replay-inbound\"");
        var payload = api.send("GET", "/api/v1/inbound-webhooks/" + eventId + "/payload", admin, Map.of(), null);
        assertThat(payload.status()).isEqualTo(200);
        assertThat(payload.raw()).contains("\"id\":\"" + callId + "\"");

        // Replay: processed again, to the same conversation (never a second one for the call).
        String conversation = event.get("conversation_id").asString();
        var replayed = api.send("POST", "/api/v1/inbound-webhooks/" + eventId + "/replay", admin, Map.of(), null);
        assertThat(replayed.status()).isEqualTo(202);
        JsonNode again = awaitDone(eventId);
        assertThat(again.get("status").asString()).isEqualTo("done");
        assertThat(again.get("conversation_id").asString()).isEqualTo(conversation);
        assertThat(again.get("duplicate").asBoolean()).isTrue();

        // Other roles and another tenant: nothing.
        String manager = api.token("manager@demo.local");
        assertThat(page("/settings/webhooks", manager).status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/inbound-webhooks/" + eventId + "/replay", manager, Map.of(), null).status()).isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/inbound-webhooks/" + eventId + "/payload", manager, Map.of(), null).status()).isEqualTo(403);
        String acme = api.token("admin@acme.local");
        assertThat(page("/settings/webhooks", acme).raw()).doesNotContain(eventId).doesNotContain(callId);
        assertThat(page("/settings/webhooks/inbound/" + eventId, acme).status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/inbound-webhooks/" + eventId + "/replay", acme, Map.of(), null).status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/v1/inbound-webhooks/" + eventId + "/payload", acme, Map.of(), null).status()).isEqualTo(404);
    }
}
