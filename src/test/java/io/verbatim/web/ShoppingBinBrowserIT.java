package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An admin in headless Chromium deletes an evaluation, a campaign and a survey from their lists (each after a
 * confirmation page that can be cancelled), finds each under "Show deleted" and restores it; a shopper sees no delete.
 */
class ShoppingBinBrowserIT extends PlatformTest {

    static final String T = "demo-tenant";
    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminDeletesAndRestoresAnEvaluationACampaignAndASurvey() {
        String admin = api.token(ShoppingFixture.adminOf(T));
        String zone = ShoppingFixture.zone(api, admin, "Zona Navegador");
        String shopperEmail = ShoppingFixture.shopper(api, T);
        String survey = ShoppingFixture.survey(api, admin);
        String campaign = ShoppingFixture.campaign(api, admin, survey, zone, ShoppingFixture.userId(api, T, shopperEmail), null);
        String evaluation = ShoppingFixture.evaluation(api, api.token(shopperEmail), campaign, zone);

        browser = new Browser(port).login(ShoppingFixture.adminOf(T));
        deleteAndRestore("/shopping/evaluations", "data-evaluation", evaluation, ".delete-evaluation", "/api/v1/evaluations/", admin);
        deleteAndRestore("/shopping/campaigns", "data-campaign", campaign, ".delete-campaign", "/api/v1/campaigns/", admin);
        deleteAndRestore("/shopping/surveys", "data-survey", survey, ".delete-survey", "/api/v1/surveys/", admin);
        assertThat(browser.consoleErrors()).isEmpty();

        browser.close();
        browser = new Browser(port).login(shopperEmail);
        browser.open("/shopping/evaluations?lang=en");
        assertThat(browser.find("#evaluation-list").getText()).isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".delete-evaluation, #show-deleted"))).isEmpty();
    }

    private void deleteAndRestore(String list, String attribute, String id, String deleteButton, String apiPath, String admin) {
        Browser b = browser.open(list + "?lang=en");
        String row = "tr[" + attribute + "='" + id + "'] ";
        // Cancel first: nothing happens.
        b.find(row + deleteButton).click();
        b.waitUntil(d -> d.getCurrentUrl().endsWith(id + "/delete"));
        b.find("#confirm-cancel").click();
        b.waitUntil(d -> !d.getCurrentUrl().endsWith("/delete"));
        assertThat(api.get(apiPath + id, admin).status()).isEqualTo(200);

        b.open(list + "?lang=en");
        b.find(row + deleteButton).click();
        b.waitUntil(d -> d.getCurrentUrl().endsWith(id + "/delete"));
        assertThat(b.find("h1").getText()).startsWith("Delete this");
        b.find("#confirm-delete-button").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("deleted=" + id));
        assertThat(b.find("#deleted-notice").isDisplayed()).isTrue();
        assertThat(b.driver().findElements(By.cssSelector(row))).isEmpty();
        assertThat(api.get(apiPath + id, admin).status()).isEqualTo(404);
        b.screenshot("bin-deleted-" + attribute);

        b.find("#show-deleted").click();
        b.waitUntil(d -> d.getCurrentUrl().endsWith(list + "/deleted"));
        b.find("#deleted-list tr[data-deleted='" + id + "'] .restore").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("restored=" + id));
        assertThat(b.find("#restored").isDisplayed()).isTrue();
        assertThat(b.driver().findElements(By.cssSelector("tr[data-deleted='" + id + "']"))).isEmpty();
        assertThat(api.get(apiPath + id, admin).status()).isEqualTo(200);
    }
}
