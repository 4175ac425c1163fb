package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.support.ApiClient;
import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code /rep/today} on a phone-sized Chromium with a fake microphone: the rep sees today's appointment with its
 * contact and address, records a few seconds, and the recording session is created, filled and stopped through the
 * real API. Server-side: other roles get 403, another rep's appointment is not on the page.
 */
class RepTodayBrowserIT extends PlatformTest {

    @Autowired
    UserProvisioning provisioning;

    @Test
    void aRepRecordsTheVisitFromThePhone() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "rt-" + suffix + "@demo.local";
        UUID rep = provisioning.ensureUser(TenantId.of("demo-tenant"), email, "Rita Today " + suffix, ApiClient.DEMO_PASSWORD,
                Role.AGENT, AgentKind.SALES_REP, null);
        String manager = api.token("manager@demo.local");
        String last = "Visitor" + suffix;
        var card = api.post("/api/v1/contacts", manager, """
                {"primary_phone":"+1737%d","first_name":"Vera","last_name":"%s","address":{"line1":"77 Oak Hollow","city":"Round Rock"},
                 "property":{"roof_type":"metal","square_feet":1800}}""".formatted(2000000 + (int) (Math.random() * 7999999), last));
        assertThat(card.status()).as(card.raw()).isEqualTo(201);
        // today, whatever the time now: an hour from the current minute, clipped to the day
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant end = start.plus(1, ChronoUnit.HOURS);
        Instant midnight = start.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        if (end.isAfter(midnight)) {
            start = midnight.minus(30, ChronoUnit.MINUTES);
            end = midnight.minus(1, ChronoUnit.MINUTES);
        }
        var booked = api.post("/api/v1/appointments", manager, """
                {"sales_rep_id":"%s","contact_card_id":"%s","service_type":"roof_inspection","scheduled_start":"%s","scheduled_end":"%s"}"""
                .formatted(rep, card.body().get("id").asString(), start, end));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String appointment = booked.body().get("appointment").get("id").asString();

        Map<String, String> html = Map.of("Accept", "text/html");
        assertThat(api.send("GET", "/rep/today", api.token("csr1@demo.local"), html, null).status()).isEqualTo(403);
        assertThat(api.send("GET", "/rep/today", manager, html, null).status()).isEqualTo(403);
        assertThat(api.send("GET", "/rep/today", api.token("rep1@demo.local"), html, null).raw()).doesNotContain(appointment);

        try (Browser browser = new Browser(port, "--window-size=390,844", "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream").login(email)) {
            browser.open("/rep/today");
            String visit = "article.visit[data-appointment-id='" + appointment + "']";
            assertThat(browser.find(visit).getText()).contains("Vera " + last, "77 Oak Hollow", "Round Rock", "metal");
            browser.find(visit + " button.record").click();
            browser.waitUntil(d -> d.findElement(org.openqa.selenium.By.cssSelector(visit + " .record-status")).getText().contains("KB sent"));
            Thread.sleep(3000);
            browser.find(visit + " button.stop").click();
            browser.waitUntil(d -> d.findElement(org.openqa.selenium.By.cssSelector(visit)).getAttribute("class").contains("recorded"));
            // the visit ran and was won: status, outcome and deal value from the page
            new org.openqa.selenium.support.ui.Select(browser.find(visit + " select[name=status]")).selectByValue("completed");
            new org.openqa.selenium.support.ui.Select(browser.find(visit + " select[name=outcome]")).selectByValue("closed_won");
            browser.find(visit + " input[name=deal_value]").sendKeys("15250");
            browser.find(visit + " button.save-outcome").click();
            browser.waitUntil(d -> d.findElement(org.openqa.selenium.By.cssSelector(visit + " .record-status")).getText().equals("Saved."));
            browser.screenshot("rep-today");
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
        }

        JsonNode sessions = api.get("/api/v1/recording-sessions?appointment_id=" + appointment, api.token(email)).body();
        assertThat(sessions).hasSize(1);
        JsonNode session = sessions.get(0);
        assertThat(session.get("status").asString()).isEqualTo("stopped");
        assertThat(session.get("bytes_received").asLong()).isGreaterThan(1000);
        assertThat(session.get("content_type").asString()).startsWith("audio/webm");
        assertThat(session.get("conversation_id").asString()).isNotBlank();
        JsonNode closed = api.get("/api/v1/appointments/" + appointment, api.token(email)).body().get("appointment");
        assertThat(closed.get("status").asString()).isEqualTo("completed");
        assertThat(closed.get("outcome").asString()).isEqualTo("closed_won");
        assertThat(closed.get("deal_value").decimalValue()).isEqualByComparingTo("15250");
    }
}
