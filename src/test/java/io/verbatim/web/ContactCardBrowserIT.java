package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The contact card in a real browser: a manager merges a possible duplicate into the card; CSRs are offered no merge. */
class ContactCardBrowserIT extends PlatformTest {

    private String card(String token, String first, String last) {
        var r = api.post("/api/v1/contacts", token, """
                {"primary_phone":"+1612%d","first_name":"%s","last_name":"%s"}"""
                .formatted(2000000 + ThreadLocalRandom.current().nextInt(7999999), first, last));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    @Test
    void aManagerMergesADuplicateFromTheCard() {
        String manager = api.token("manager@demo.local");
        String last = "Dupli" + UUID.randomUUID().toString().substring(0, 6);
        String keep = card(manager, "Dora", last);
        String duplicate = card(manager, "Dora J.", last);
        var asCsr = api.send("GET", "/contacts/" + keep, api.token("csr1@demo.local"), Map.of("Accept", "text/html"), null);
        assertThat(asCsr.raw()).contains("Dora " + last).doesNotContain("id=\"duplicates\"");

        try (Browser browser = new Browser(port).login("manager@demo.local")) {
            browser.open("/contacts/" + keep);
            String row = "#duplicates tr[data-duplicate-id='" + duplicate + "']";
            browser.find(row + " button.merge").click();
            browser.waitUntil(d -> d.findElement(By.id("flash")).isDisplayed());
            assertThat(browser.find("#flash").getText()).contains("Merged into this card");
            assertThat(browser.findAll(row)).isEmpty();
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
        }
        assertThat(api.get("/api/v1/contacts/" + duplicate, manager).body().get("contact").get("id").asString()).isEqualTo(keep);
    }

    /** A CSR records that a caller asked not to be texted; only admins and managers are offered an opt-in. */
    @Test
    void aCsrRecordsAnOptOutOnTheCard() {
        String manager = api.token("manager@demo.local");
        String id = card(manager, "Otis", "Optout" + UUID.randomUUID().toString().substring(0, 6));
        String phone = api.get("/api/v1/contacts/" + id, manager).body().path("contact").path("primary_phone").asString();
        String row = "#sms-consent tr[data-phone='" + phone + "']";
        try (Browser browser = new Browser(port).login("csr1@demo.local")) {
            browser.open("/contacts/" + id);
            assertThat(browser.find(row + " .consent-state").getText()).isEqualTo("unknown");
            assertThat(browser.findAll(row + " button.consent-set[data-state=opted_in]")).isEmpty();
            browser.find(row + " input.consent-note").sendKeys("Asked on the phone not to be texted");
            browser.find(row + " button.consent-set[data-state=opted_out]").click();
            browser.waitUntil(d -> d.findElement(By.id("flash")).isDisplayed());
            assertThat(browser.find("#flash").getText()).contains("Opt-out recorded");
            assertThat(browser.find(row + " .consent-state").getText()).isEqualTo("opted out");
            assertThat(browser.find(row).getText()).contains("Asked on the phone not to be texted");
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
        }
        try (Browser browser = new Browser(port).login("manager@demo.local")) {
            browser.open("/contacts/" + id);
            browser.find(row + " button.consent-set[data-state=opted_in]").click();
            browser.waitUntil(d -> d.findElement(By.id("flash")).isDisplayed());
            assertThat(browser.find(row + " .consent-state").getText()).isEqualTo("opted in");
            browser.screenshot("contact-sms-consent");
        }
        var history = api.get("/api/v1/contacts/" + id + "/sms-consent", manager).body().path("numbers").get(0).path("history");
        assertThat(history).extracting(h -> h.path("state").asString()).containsExactly("opted_in", "opted_out");
    }
}
