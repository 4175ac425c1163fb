package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/** In a real browser: an admin opens a Vapi report in the delivery log, replays it, and finds its assistant on the Voice agents page. */
class VoiceAgentBrowserIT extends PlatformTest {

    private static final String SECRET = "vapi-browser-" + UUID.randomUUID();

    @Test
    void anAdminReplaysAReportFromTheDeliveryLogAndSeesTheAssistant() throws Exception {
        String admin = api.token("admin@acme.local");
        assertThat(api.send("PUT", "/api/v1/credentials/vapi", admin, Map.of(), "{\"secret\":\"" + SECRET + "\"}").status()).isIn(200, 201);
        String callId = "call-" + UUID.randomUUID();
        String body = """
                {"message":{"type":"end-of-call-report","endedReason":"assistant-ended-call","cost":0.07,"startedAt":"2026-02-01T10:00:00Z",
                  "endedAt":"2026-02-01T10:00:09Z","assistant":{"id":"asst-browser-%s","name":"Browser receptionist"},"call":{"id":"%s"},
                  "artifact":{"messages":[{"role":"bot","message":"Lakeside Family Medicine, how can I help?","secondsFromStart":0.3},
                    {"role":"user","message":"I need a flu shot appointment.","secondsFromStart":2.5}]}}}""".formatted(callId, callId);
        String ts = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((ts + "." + body).getBytes(StandardCharsets.UTF_8)));
        var r = api.send("POST", "/api/v1/webhooks/acme/vapi", null, Map.of("x-timestamp", ts, "x-signature", signature), body);
        assertThat(r.status()).isEqualTo(200);
        String eventId = r.body().get("id").asString();
        JsonNode event = await(admin, eventId, false);

        try (Browser browser = new Browser(port).login("admin@acme.local")) {
            browser.open("/settings/webhooks");
            browser.find("#inbound tr[data-id='" + eventId + "'] a").click();
            browser.waitUntil(d -> !d.findElements(By.cssSelector("#payload")).isEmpty());
            assertThat(browser.find("#payload").getText()).contains(callId).contains("flu shot");
            browser.screenshot("settings-webhook-inbound");
            browser.find("button.replay-inbound").click();
            browser.waitUntil(d -> d.findElement(By.cssSelector("#flash")).getText().contains("processed again"));
            JsonNode replayed = await(admin, eventId, true);
            assertThat(replayed.get("conversation_id").asString()).isEqualTo(event.get("conversation_id").asString());

            awaitAssistant(admin, "asst-browser-" + callId);
            browser.open("/assistants");
            assertThat(browser.find("#assistants").getText()).contains("Browser receptionist");
            browser.screenshot("voice-agents");
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
        }
    }

    private void awaitAssistant(String token, String providerId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode a : api.get("/api/v1/assistants", token).body().get("items")) {
                if (providerId.equals(a.get("provider_assistant_id").asString())) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("assistant " + providerId + " never appeared");
    }

    private JsonNode await(String token, String id, boolean duplicate) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/v1/inbound-webhooks/" + id, token).body();
            if ("done".equals(last.path("status").asString()) && last.path("duplicate").asBoolean() == duplicate) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not done: " + last);
    }
}
