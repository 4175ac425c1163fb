package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.demo.SpanishDemo;
import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mystery-shopping dashboard of the Spanish demo company in headless Chromium: in the browser's language
 * (English), switched to Spanish and kept on the next pages, down to an evaluation. Screenshots in target/screenshots/.
 */
class ShoppingDashboardBrowserIT extends PlatformTest {

    @Autowired
    SpanishDemo demo;
    private Browser browser;

    @BeforeEach
    void setUp() {
        demo.evaluations(demo.company("verbatim-demo"));
        browser = new Browser(port);
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void adminReadsTheDashboardSwitchesToSpanishAndOpensAnEvaluation() {
        browser.login("admin@caribe.local").open("/shopping/dashboard");
        browser.settle();
        assertThat(browser.find("h1").getText()).isEqualTo("Mystery-shopping dashboard");
        assertThat(Integer.parseInt(browser.find("#total-evaluations").getText())).isGreaterThanOrEqualTo(3);
        assertThat(browser.find("#by-zone").getText()).contains("Santo Domingo", "Santiago");
        assertThat(browser.find("#by-campaign").getText()).contains(SpanishDemo.CAMPAIGN);
        browser.screenshot("shopping-dashboard-en");

        browser.find("#lang-switch").click();
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Tablero de cliente incógnito"));
        assertThat(browser.find("#by-zone").getText()).contains("Puntuación media");
        browser.screenshot("shopping-dashboard-es");

        // The choice is kept: the next page is Spanish too.
        browser.driver().findElement(By.linkText("Campañas")).click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/shopping/campaigns"));
        assertThat(browser.find("h1").getText()).isEqualTo("Campañas");
        browser.driver().findElement(By.linkText(SpanishDemo.CAMPAIGN)).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/shopping/evaluations?campaign="));
        assertThat(browser.findAll("#evaluation-list tbody tr")).hasSizeGreaterThanOrEqualTo(3);
        browser.find("#evaluation-list tbody tr a").click();
        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/shopping/evaluations/[0-9a-f-]{36}$"));
        assertThat(browser.find("h1").getText()).startsWith("Evaluación");
        assertThat(browser.find("#answers").getText()).contains("saludo");
        browser.screenshot("shopping-evaluation-es");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
