package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ReviewFixture;
import io.verbatim.support.WebFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * "Needs review" in headless Chromium: the explorer's filter narrows the table to the calls with
 * low-confidence judgments, each with its badge; Call Detail lists what needs review at the top and marks each
 * such judgment where it is shown, with its confidence. Which judgments those are is read from the API.
 */
class NeedsReviewBrowserIT extends PlatformTest {

    /** Judgments Call Detail shows in a card of their own (the others are listed in the summary line only). */
    private static final Set<String> SHOWN = Set.of("customer_sentiment", "sentiment_trend");

    @Autowired
    ConversationAnalyses analyses;

    private Map<String, String> calls;
    private Browser browser;

    @BeforeEach
    void setUp() {
        calls = WebFixture.calls(api);
        ReviewFixture.marked(api, analyses);
        browser = new Browser(port);
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void theFilterNarrowsTheExplorerToCallsThatNeedReview() {
        browser.login("admin@demo.local").open("/calls");
        browser.settle();
        new Select(browser.find("#filter-needs-review")).selectByValue("true");
        browser.find("#call-filters button[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("needs_review=true"));
        browser.settle();
        List<WebElement> rows = browser.findAll("#call-table tbody tr");
        assertThat(rows).isNotEmpty();
        List<String> ids = rows.stream().map(r -> r.getAttribute("data-id")).toList();
        assertThat(ids).contains(calls.get("csr_002"), calls.get("va_002"));
        rows.forEach(r -> assertThat(r.findElement(org.openqa.selenium.By.cssSelector(".needs-review")).getText())
                .matches("\\d+ to review"));
        browser.screenshot("calls-needs-review");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void callDetailMarksEachJudgmentThatNeedsReview() {
        String id = calls.get("csr_002");
        JsonNode analysis = api.get("/api/v1/conversations/" + id + "/analysis", api.token("admin@demo.local")).body();
        List<JsonNode> low = new ArrayList<>();
        analysis.get("call").get("judgments").forEach(j -> {
            if (j.get("low_confidence").asBoolean()) {
                low.add(j);
            }
        });
        assertThat(low).isNotEmpty();

        browser.login("admin@demo.local").open("/calls/" + id);
        browser.waitUntil(d -> "true".equals(browser.script("return document.getElementById('call').dataset.ready || ''")));
        WebElement summary = browser.find("#review-summary");
        assertThat(summary.getText()).startsWith("Needs review:");
        for (JsonNode j : low) {
            String field = j.get("field").asString();
            String percent = Math.round(j.get("confidence").asDouble() * 100) + "%";
            WebElement listed = browser.find("#review-summary .review-item[data-field='" + field + "']");
            assertThat(listed.getText()).contains(percent);
            if (field.startsWith("qa.") || SHOWN.contains(field)) {
                // Next to what it concerns: the scorecard item, or the sentiment card.
                String where = field.startsWith("qa.") ? "#scorecard li[data-field='" + field + "']" : "#sentiment";
                WebElement badge = browser.find(where + " .needs-review[data-field='" + field + "']");
                assertThat(badge.getText()).isEqualTo("needs review · " + percent);
            }
        }
        browser.screenshot("call-detail-needs-review");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
