package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboards and the Calls Explorer in headless Chromium on analysed fixture calls: charts drawn,
 * drill-downs land on the matching calls, filters and full-text search narrow the table, agents see
 * only themselves. Screenshots go to target/screenshots/.
 */
class DashboardsBrowserIT extends PlatformTest {

    private Map<String, String> calls;
    private Browser browser;

    @BeforeEach
    void setUp() {
        calls = WebFixture.calls(api);
        browser = new Browser(port);
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    private long chartsDrawn() {
        return (Long) browser.script("return Array.from(document.querySelectorAll('[data-chart]'))"
                + ".filter(e => window.echarts && echarts.getInstanceByDom(e)).length");
    }

    @Test
    void adminSeesPopulatedDashboardsAndDrillsDownToTheCalls() {
        browser.login("admin@demo.local").open("/");
        browser.settle();
        assertThat(browser.find(".kpi .value").getText()).isNotEqualTo("0");
        browser.waitUntil(d -> chartsDrawn() >= 4);
        browser.screenshot("overview");

        browser.open("/qa");
        browser.settle();
        browser.waitUntil(d -> chartsDrawn() >= 2);
        assertThat(browser.findAll("#most-missed tbody tr")).isNotEmpty();
        browser.screenshot("qa-overview");
        // A most-missed item drills down to calls where it was not met.
        WebElement item = browser.find("#most-missed tbody tr a");
        item.click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/calls?") && d.getCurrentUrl().contains("missed="));
        browser.settle();
        assertThat(browser.findAll("#call-table tbody tr")).isNotEmpty();

        browser.open("/agents");
        browser.settle();
        assertThat(browser.find("#ranking").getText()).contains("Casey CSR", "Riley Rep");
        browser.screenshot("agents");
        browser.driver().findElement(By.linkText("Riley Rep")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/agents/"));
        browser.settle();
        browser.waitUntil(d -> chartsDrawn() >= 2);
        assertThat(browser.find("h1").getText()).isEqualTo("Riley Rep");
        browser.screenshot("agent");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void explorerFiltersSearchesAndOpensACall() {
        browser.login("admin@demo.local").open("/calls");
        browser.settle();
        assertThat(browser.findAll("#call-table tbody tr")).isNotEmpty();
        new Select(browser.find("select[name=channel]")).selectByValue("field_visit");
        browser.find("#call-filters button[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("channel=field_visit"));
        browser.settle();
        assertThat(rowIds()).contains(calls.get("fs_003"), calls.get("fs_004")).doesNotContain(calls.get("csr_002"));

        // Full text over transcripts ("stressful" in sup_003, stemmed).
        browser.open("/calls");
        browser.settle();
        browser.find("input[name=q]").sendKeys("stress", Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().contains("q=stress"));
        browser.settle();
        assertThat(rowIds()).contains(calls.get("sup_003")).doesNotContain(calls.get("fs_003"));
        assertThat(browser.find("#call-table thead").getText()).contains("When (UTC)", "Agent", "Sentiment", "QA score");
        browser.screenshot("calls-explorer");
        assertThat(browser.find("#csv").getAttribute("href")).contains("/api/v1/explorer/export.csv?").contains("q=stress");

        // Nothing matches: a designed empty state, not an empty table.
        browser.open("/calls?q=zzyzx-never-said");
        assertThat(browser.find("#no-calls").getText()).contains("No calls match");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAgentSeesOnlyTheirOwnCallsAndFigures() {
        browser.login("csr1@demo.local").open("/agents");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/agents/me"));
        assertThat(browser.find("h1").getText()).isEqualTo("Casey CSR");
        browser.open("/calls");
        browser.settle();
        assertThat(rowIds()).contains(calls.get("csr_002"), calls.get("sup_002"))
                .doesNotContain(calls.get("sup_003"), calls.get("fs_003"), calls.get("va_002"));
        assertThat(browser.findAll("select[name=agent]")).isEmpty();
        browser.screenshot("calls-as-agent");
    }

    private java.util.List<String> rowIds() {
        return browser.findAll("#call-table tbody tr").stream().map(r -> r.getAttribute("data-id")).toList();
    }
}
