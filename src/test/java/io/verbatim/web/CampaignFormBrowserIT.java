package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * An admin creates a campaign through the form in headless Chromium: a refusal (the end before the start) comes back on
 * the form with what was typed, then the corrected form creates the campaign, which the API shows with every field.
 */
class CampaignFormBrowserIT extends PlatformTest {

    private Browser browser;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    private void type(String css, String text) {
        browser.find(css).clear();
        browser.find(css).sendKeys(text);
    }

    /** A date input takes the digits in the browser's locale order (en-US: month, day, year); set it as the user would. */
    private void date(String css, String iso) {
        browser.script("arguments[0].value = arguments[1]", browser.find(css), iso);
    }

    @Test
    void anAdminCreatesACampaignThroughTheForm() {
        String admin = api.token("admin@demo.local");
        String survey = ShoppingFixture.survey(api, admin);
        String zone = ShoppingFixture.zone(api, admin, "Zona navegador");
        String shopper = ShoppingFixture.userId(api, "demo-tenant", ShoppingFixture.shopper(api, "demo-tenant"));
        String name = "Campaña navegador " + UUID.randomUUID().toString().substring(0, 8);

        browser.login("admin@demo.local").open("/shopping/campaigns?lang=es");
        browser.find("#new-campaign").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/shopping/campaigns/new"));
        type("#c-name", name);
        type("#c-description", "Visitas de diciembre");
        new Select(browser.find("#c-status")).selectByValue("active");
        new Select(browser.find("#c-survey")).selectByValue(survey);
        date("#c-start", "2026-12-20");
        date("#c-end", "2026-12-01");
        browser.find("#c-zones input[value='" + zone + "']").click();
        browser.find("#c-shoppers input[value='" + shopper + "']").click();
        type("#c-goal-total", "8");
        type("#c-target", "80");
        browser.find("#save-campaign").click();

        browser.waitUntil(d -> !d.findElements(By.id("campaign-errors")).isEmpty());
        assertThat(browser.find("#campaign-errors").getText()).contains("La fecha de fin es anterior a la de inicio.");
        assertThat(browser.find("#c-name").getDomProperty("value")).isEqualTo(name);
        assertThat(browser.find("#c-zones input[value='" + zone + "']").isSelected()).isTrue();

        date("#c-end", "2026-12-31");
        browser.find("#save-campaign").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/shopping/campaigns"));
        assertThat(browser.find("#campaign-list").getText()).contains(name, "Activa");
        assertThat(browser.consoleErrors()).isEmpty();

        JsonNode created = null;
        for (JsonNode c : api.get("/api/v1/campaigns", admin).body().get("items")) {
            if (c.get("name").asString().equals(name)) {
                created = c;
            }
        }
        assertThat(created).isNotNull();
        assertThat(created.get("survey_id").asString()).isEqualTo(survey);
        assertThat(created.get("start_date").asString()).isEqualTo("2026-12-20");
        assertThat(created.get("end_date").asString()).isEqualTo("2026-12-31");
        assertThat(created.get("zone_ids").toString()).contains(zone);
        assertThat(created.get("shopper_ids").toString()).contains(shopper);
        assertThat(created.at("/goals/total").asInt()).isEqualTo(8);
    }
}
