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

    /** An admin sets the quiet hours and the STOP reply on the page; a manager sees them but cannot save. */
    @Test
    void anAdminSetsQuietHoursAndTheStopReply() {
        String admin = api.token("admin@demo.local");
        try (Browser browser = new Browser(port).login("admin@demo.local")) {
            browser.open("/settings/messages");
            browser.script("var f = document.getElementById('sms-rules-form').elements; f.quiet_enabled.checked = true;"
                    + " f.quiet_start.value = '22:15'; f.quiet_end.value = '07:45'; f.time_zone.value = 'America/Chicago';"
                    + " f.stop_reply.value = 'Roofing Co: you will get no more texts.';");
            browser.find("#sms-rules-form button[type=submit]").click();
            browser.waitUntil(d -> browser.find("#flash").isDisplayed() && browser.find("#flash").getText().contains("Saved"));
            var saved = api.get("/api/v1/messages/settings", admin).body();
            assertThat(saved.path("quiet_hours").path("start").asString()).isEqualTo("22:15");
            assertThat(saved.path("quiet_hours").path("end").asString()).isEqualTo("07:45");
            assertThat(saved.path("quiet_hours").path("time_zone").asString()).isEqualTo("America/Chicago");
            assertThat(saved.path("replies").path("stop").asString()).isEqualTo("Roofing Co: you will get no more texts.");
            assertThat(browser.find("#sms-rules-form input[name=quiet_start]").getAttribute("value")).isEqualTo("22:15");
            browser.screenshot("settings-messages-quiet-hours");
            assertThat(browser.consoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList()).isEmpty();
        } finally {
            api.put("/api/v1/messages/settings", admin, "{\"quiet_hours\":{\"start\":\"21:00\",\"end\":\"08:00\",\"time_zone\":null},"
                    + "\"replies\":{\"stop\":\"" + io.verbatim.messages.KeywordReplies.DEFAULTS.stop() + "\"}}");
        }
        try (Browser browser = new Browser(port).login("manager@demo.local")) {
            browser.open("/settings/messages");
            assertThat(browser.findAll("#sms-rules-form button[type=submit]")).isEmpty();
            assertThat(browser.find("#sms-rules-form input[name=quiet_start]").isEnabled()).isFalse();
        }
    }
}
