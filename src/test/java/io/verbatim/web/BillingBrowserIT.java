package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A platform admin in headless Chromium creates a company with its first admin through the companies form, then opens
 * its payments page from the list and records a payment through the form; the company's admin signs in and sees it.
 */
class BillingBrowserIT extends PlatformTest {

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPlatformAdminCreatesACompanyAndRecordsItsFirstPayment() {
        String name = "Farmacias Quisqueya " + UUID.randomUUID().toString().substring(0, 6);
        String adminEmail = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@quisqueya.local";
        browser = new Browser(port).login("root@verbatim.local");
        Browser b = browser.open("/shopping/companies?lang=en");
        assertThat(b.find("h1").getText()).isEqualTo("Companies");
        assertThat(b.find("#company-country").getAttribute("value")).isEqualTo("DO");
        b.find("#company-name").sendKeys(name);
        b.find("#company-email").sendKeys("info@quisqueya.do");
        b.find("#company-phone").sendKeys("+1 809 555 0123");
        b.find("#company-state").sendKeys("DO-01");
        b.find("#admin-name").sendKeys("Rosa Admin");
        b.find("#admin-email").sendKeys(adminEmail);
        b.find("#admin-password").sendKeys(ApiClient.DEMO_PASSWORD);
        b.find("#company-create").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("created="));
        String id = b.driver().getCurrentUrl().replaceAll(".*created=", "");
        assertThat(b.find("#company-created").getText()).contains(id);
        b.screenshot("companies");

        b.find("#company-list tr[data-company='" + id + "'] a").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("/shopping/payments?company=" + id));
        assertThat(b.find("#company-name").getText()).isEqualTo(name);
        assertThat(b.find("#company-status").getText()).isEqualTo("Active");
        assertThat(b.find("#no-payments").isDisplayed()).isTrue();
        b.find("#payment-amount").sendKeys("2500.00");
        b.find("#payment-currency").clear();
        b.find("#payment-currency").sendKeys("DOP");
        new Select(b.find("#payment-method")).selectByValue("card");
        b.find("#payment-reference").sendKeys("ch_quisqueya_1");
        b.find("#payment-record").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("recorded"));
        assertThat(b.find("#payment-recorded").isDisplayed()).isTrue();
        assertThat(b.find("#payment-list").getText()).contains("2500.00 DOP", "Card", "ch_quisqueya_1");
        b.screenshot("payments");
        assertThat(b.consoleErrors()).isEmpty();

        // The company's first admin signs in at once and finds the payment on their own page, in Spanish (country DO).
        JsonNode stored = api.get("/api/v1/payments", api.token(adminEmail)).body().get("items");
        assertThat(stored).hasSize(1);
        browser.close();
        browser = new Browser(port).login(adminEmail);
        browser.open("/shopping/payments?lang=es");
        assertThat(browser.find("h1").getText()).startsWith("Pagos");
        assertThat(browser.find("#payment-list").getText()).contains("2500.00 DOP", "Tarjeta");
        assertThat(browser.driver().findElements(By.cssSelector("#shopping-nav a[href='/shopping/companies']"))).isEmpty();
    }

    @Test
    void aPlatformAdminSetsTheSubscriptionAndTheAdminDeletesAndRestoresAPayment() {
        String bossEmail = "boss-" + UUID.randomUUID().toString().substring(0, 8) + "@estado.local";
        ApiClient.Response made = io.verbatim.support.ShoppingFixture.company(api, "Estado " + UUID.randomUUID(), bossEmail);
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        String id = made.body().get("id").asString();
        String boss = api.token(bossEmail);
        assertThat(api.post("/api/v1/payments", boss, """
                {"amount": 80, "currency": "USD", "period_start": "2026-11-01", "period_end": "2026-11-30", "method": "card",
                 "reference": "ch_estado"}""").status()).isEqualTo(201);

        browser = new Browser(port).login("root@verbatim.local");
        Browser b = browser.open("/shopping/companies?lang=en");
        String row = "#company-list tr[data-company='" + id + "'] ";
        b.find(row + ".company-plan").clear();
        b.find(row + ".company-plan").sendKeys("premium");
        new Select(b.find(row + ".company-status")).selectByValue("past_due");
        b.find(row + ".company-save").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("updated=" + id));
        assertThat(b.find("#company-updated").getText()).contains(id);
        assertThat(b.find(row + ".status").getText()).isEqualTo("Past due");
        assertThat(b.find(row + ".company-plan").getAttribute("value")).isEqualTo("premium");
        assertThat(b.consoleErrors()).isEmpty();
        JsonNode company = api.get("/api/v1/companies/" + id, api.token("root@verbatim.local")).body();
        assertThat(company.get("subscription_status").asString()).isEqualTo("past_due");

        browser.close();
        browser = new Browser(port).login(bossEmail);
        b = browser.open("/shopping/payments?lang=en");
        assertThat(b.find("#company-status").getText()).isEqualTo("Past due");
        b.find("#payment-list .payment-delete").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("deleted="));
        assertThat(b.find("#no-payments").isDisplayed()).isTrue();
        assertThat(b.find("#deleted-payment-list").getText()).contains("80.00 USD", "ch_estado");
        assertThat(api.get("/api/v1/payments", boss).body().get("items")).isEmpty();
        b.find("#deleted-payment-list .payment-restore").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("restored="));
        assertThat(b.find("#payment-list").getText()).contains("80.00 USD", "ch_estado");
        assertThat(b.driver().findElements(By.id("deleted-payments"))).isEmpty();
        assertThat(b.consoleErrors()).isEmpty();
        assertThat(api.get("/api/v1/payments", boss).body().get("items")).hasSize(1);
    }
}
