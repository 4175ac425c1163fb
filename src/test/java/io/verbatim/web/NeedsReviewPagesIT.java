package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ReviewFixture;
import io.verbatim.support.WebFixture;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Needs review" on the pages over HTTP: the explorer's filter and column, the overview's share and its drill-down. */
class NeedsReviewPagesIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Autowired
    ConversationAnalyses analyses;

    private Map<String, String> calls;

    @BeforeEach
    void setUp() {
        calls = WebFixture.calls(api);
        ReviewFixture.marked(api, analyses);
    }

    private ApiClient.Response page(String path, String email) {
        return api.send("GET", path, api.token(email), HTML, null);
    }

    @Test
    void theExplorerFiltersOnItAndCountsWhatNeedsReview() {
        var all = page("/calls", "admin@demo.local");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.raw()).contains("name=\"needs_review\"", "name=\"review_field\"", "Needs review", "to review");

        var flagged = page("/calls?needs_review=true", "admin@demo.local");
        assertThat(flagged.raw()).contains(calls.get("csr_002"), calls.get("va_002"))
                .contains("<option value=\"true\" selected=\"selected\">Yes</option>")
                .contains("needs_review=true"); // the CSV link keeps the filter
        // Every listed call has its badge: as many badges as rows.
        int rows = count(flagged.raw(), "<tr data-id=");
        assertThat(rows).isPositive();
        assertThat(count(flagged.raw(), "class=\"badge review needs-review\"")).isEqualTo(rows);

        // An agent's filtered page has only their own calls; another tenant's has none of these.
        assertThat(page("/calls?needs_review=true", "csr1@demo.local").raw()).contains(calls.get("csr_002"))
                .doesNotContain(calls.get("sup_003"), calls.get("va_002"));
        var acme = page("/calls?needs_review=true", "admin@acme.local");
        assertThat(acme.raw()).contains(calls.get("acme:ms_002")).doesNotContain(calls.get("csr_002"), calls.get("fs_003"));
        assertThat(page("/calls?needs_review=perhaps", "admin@demo.local").raw()).contains("needs_review must be one of");
    }

    @Test
    void theOverviewShowsTheShareAndDrillsDownToExactlyThoseCalls() {
        var overview = page("/", "manager@demo.local");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.raw()).contains("id=\"kpi-needs-review\"", "Needs review", "with a low-confidence judgment");
        String html = overview.raw();
        int at = html.indexOf("id=\"kpi-needs-review\"");
        String href = html.substring(html.indexOf("href=\"", at) + 6, html.indexOf('"', html.indexOf("href=\"", at) + 6))
                .replace("&amp;", "&");
        assertThat(href).startsWith("/calls?from=").contains("needs_review=true");
        // The drill-down lists as many calls as the figure counts.
        String token = api.token("manager@demo.local");
        long figure = api.get("/api/v1/insights/business", token).body().get("totals").get("needs_review").asLong();
        String query = href.substring(href.indexOf('?') + 1);
        long listed = api.get("/api/v1/explorer/export.csv?" + query, token).raw().strip().split("\r\n").length - 1;
        assertThat(listed).isEqualTo(figure).isPositive();
    }

    @Test
    void callDetailHasTheReviewLineAndItsScript() {
        var detail = page("/calls/" + calls.get("csr_002"), "admin@demo.local");
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.raw()).contains("id=\"review-summary\"", "/js/call-review.js");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
