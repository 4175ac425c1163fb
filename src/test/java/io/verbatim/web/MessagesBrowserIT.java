package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.messages.SmtpSink;
import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Settings → Messages in Chromium: a manager presses Retry on a failed confirmation and sees it sent. */
class MessagesBrowserIT extends PlatformTest {

    private void smtp(String admin, int port) {
        var r = api.send("PUT", "/api/v1/credentials/smtp", admin, Map.of(), api.json().writeValueAsString(
                Map.of("host", "127.0.0.1", "port", String.valueOf(port), "from", "Demo Clinic <clinic@demo.local>", "starttls", "false")));
        assertThat(r.status()).isIn(200, 201);
    }

    @Test
    void aManagerRetriesAFailedMessage() throws Exception {
        String admin = api.token("admin@demo.local");
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        smtp(admin, closed);
        String to = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var failed = api.send("POST", "/api/v1/messages", admin, Map.of(),
                "{\"channel\":\"email\",\"to\":\"" + to + "\",\"subject\":\"Your appointment\",\"body\":\"See you soon.\"}");
        assertThat(failed.body().get("status").asString()).isEqualTo("failed");
        String id = failed.body().get("id").asString();

        try (SmtpSink sink = new SmtpSink(); Browser browser = new Browser(port).login("manager@demo.local")) {
            smtp(admin, sink.port());
            browser.open("/settings/messages?status=failed");
            assertThat(browser.find("nav.settings-nav a.on").getText()).isEqualTo("Messages");
            browser.find("#messages tr[data-id='" + id + "'] button.retry-message").click();
            browser.waitUntil(d -> browser.find("#flash").isDisplayed() && browser.find("#flash").getText().contains("Sent again"));
            browser.open("/settings/messages");
            browser.waitUntil(d -> "sent".equals(browser.find("#messages tr[data-id='" + id + "']").getAttribute("data-status")));
            assertThat(browser.findAll("#messages tr[data-id='" + id + "'] button.retry-message")).isEmpty();
            assertThat(sink.mails()).anyMatch(m -> m.to().toString().contains(to));
            browser.screenshot("settings-messages");
            assertThat(browser.consoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList()).isEmpty();
        }
    }
}
