package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.messages.SmtpSink;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Settings → Messages rendered on the server with a failed message and its retry button, for admins and managers only
 * and never another tenant's; retry through the API behind it sends the same message again (failed again while the
 * mail server refuses, sent once it takes it, then not again).
 */
class MessagesPageIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    private ApiClient.Response page(String path, String token) {
        return api.send("GET", path, token, HTML, null);
    }

    private void smtp(String admin, int port) {
        var r = api.send("PUT", "/api/v1/credentials/smtp", admin, Map.of(), api.json().writeValueAsString(
                Map.of("host", "127.0.0.1", "port", String.valueOf(port), "from", "Demo Clinic <clinic@demo.local>", "starttls", "false")));
        assertThat(r.status()).isIn(200, 201);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void failedMessagesAreListedAndRetried() throws Exception {
        String admin = api.token("admin@demo.local");
        String manager = api.token("manager@demo.local");
        smtp(admin, closedPort());
        String to = "patient-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var sent = api.send("POST", "/api/v1/messages", admin, Map.of(),
                "{\"channel\":\"email\",\"to\":\"" + to + "\",\"subject\":\"Your appointment\",\"body\":\"See you Friday.\"}");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().get("status").asString()).isEqualTo("failed");
        String id = sent.body().get("id").asString();

        var html = page("/settings/messages?status=failed", manager);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.raw()).contains("id=\"messages\"").contains(to).contains("data-id=\"" + id + "\"").contains("retry-message")
                .contains("/js/settings-messages.js");
        assertThat(page("/settings/messages?status=sent", admin).raw()).doesNotContain(to);
        assertThat(page("/settings/messages?status=bogus", admin).status()).isEqualTo(400);

        // Role scope and another tenant.
        assertThat(page("/settings/messages", api.token("csr1@demo.local")).status()).isIn(302, 403);
        assertThat(page("/settings/messages", api.token("exec@demo.local")).status()).isIn(302, 403);
        assertThat(api.send("POST", "/api/v1/messages/" + id + "/retry", api.token("csr1@demo.local"), Map.of(), "").status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/messages/" + id + "/retry", api.token("exec@demo.local"), Map.of(), "").status()).isEqualTo(403);
        String acme = api.token("admin@acme.local");
        assertThat(page("/settings/messages", acme).raw()).doesNotContain(to);
        assertThat(api.send("POST", "/api/v1/messages/" + id + "/retry", acme, Map.of(), "").status()).isEqualTo(404);

        // Still refused: failed again, with the provider's words.
        var again = api.send("POST", "/api/v1/messages/" + id + "/retry", manager, Map.of(), "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("status").asString()).isEqualTo("failed");
        assertThat(again.body().get("error").asString()).isNotBlank();
        assertThat(again.body().get("attempts").asInt()).isEqualTo(2);
        assertThat(page("/settings/messages?status=failed", admin).raw()).contains("2 tries");

        try (SmtpSink sink = new SmtpSink()) {
            smtp(admin, sink.port());
            JsonNode ok = api.send("POST", "/api/v1/messages/" + id + "/retry", admin, Map.of(), "").body();
            assertThat(ok.get("id").asString()).isEqualTo(id);
            assertThat(ok.get("status").asString()).isEqualTo("sent");
            assertThat(ok.path("error").asString(null)).isNull();
            assertThat(sink.mails()).anyMatch(m -> m.to().toString().contains(to));
            var twice = api.send("POST", "/api/v1/messages/" + id + "/retry", admin, Map.of(), "");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.raw()).contains("message-not-failed");
        }
        assertThat(api.send("POST", "/api/v1/messages/" + UUID.randomUUID() + "/retry", admin, Map.of(), "").status()).isEqualTo(404);
    }

    @Test
    void aMessageWithNoProviderIsShownAsNotSent() {
        String acme = api.token("admin@acme.local");
        api.delete("/api/v1/credentials/smtp", acme);
        String to = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var unsent = api.send("POST", "/api/v1/messages", acme, Map.of(),
                "{\"channel\":\"email\",\"to\":\"" + to + "\",\"subject\":\"Hello\",\"body\":\"x\"}");
        assertThat(unsent.status()).isEqualTo(201);
        assertThat(unsent.body().get("status").asString()).isEqualTo("not_sent");
        var html = page("/settings/messages?status=not_sent", acme);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.raw()).contains(to).contains("not sent").contains("No e-mail provider configured")
                .contains("retry-message");
        assertThat(page("/settings/messages", api.token("admin@demo.local")).raw()).doesNotContain(to);
    }
}
