package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The Ask page in a real browser: an answer with citations that open Call Detail at the cited second. */
class AskPageBrowserIT extends PlatformTest {

    @Test
    void anAnswerCitesMomentsThatOpenCallDetailThere() {
        WebFixture.calls(api);
        try (Browser b = new Browser(port).login("admin@demo.local")) {
            b.consoleErrors(); // the sign-in page's own messages are not this page's
            b.open("/ask");
            assertThat(b.find("#ask-empty").getText()).contains("Ask anything");
            List<String> scopes = new Select(b.find("#ask-scope")).getOptions().stream().map(o -> o.getAttribute("value")).toList();
            assertThat(scopes).contains("self", "company");
            new Select(b.find("#ask-scope")).selectByValue("company");
            b.find("#ask-question").sendKeys("What did customers say about the price?");
            b.find("#ask-submit").click();
            WebElement citation = b.find("#answer a.citation");
            assertThat(b.find("#answer .answer").getText()).isNotBlank();
            assertThat(b.find("#used-llm").getAttribute("data-used-llm")).isIn("true", "false");
            List<WebElement> groups = b.findAll("#answer .conversation-group");
            assertThat(groups).isNotEmpty();
            // Each group is one conversation and its citations all link to it.
            for (WebElement group : groups) {
                String id = group.getAttribute("data-conversation");
                assertThat(group.findElements(org.openqa.selenium.By.cssSelector("a.citation")))
                        .allSatisfy(a -> assertThat(a.getAttribute("href")).contains("/calls/" + id + "?t="));
            }
            // Group headings are filled in with the conversation's agent and date.
            b.waitUntil(d -> !groups.getFirst().findElement(org.openqa.selenium.By.cssSelector("h3 a")).getText()
                    .startsWith("Conversation "));
            b.screenshot("ask");

            String href = citation.getAttribute("href");
            double t = Double.parseDouble(citation.getAttribute("data-start"));
            citation.click();
            b.waitUntil(d -> d.getCurrentUrl().equals(href));
            b.waitUntil(d -> "true".equals(b.script("return document.getElementById('call').dataset.ready || ''")));
            // Call Detail highlights the turn playing at the cited second (and seeks the player when there is one).
            double turnStart = Double.parseDouble(b.find("#transcript .turn.current").getAttribute("data-start"));
            assertThat(turnStart).isLessThanOrEqualTo(t + 0.01).isGreaterThan(t - 60);
            Object player = b.script("var p = document.getElementById('player'); return p ? p.currentTime : null");
            if (player != null) {
                b.waitUntil(d -> Math.abs(((Number) b.script("return document.getElementById('player').currentTime"))
                        .doubleValue() - t) < 0.3);
            }
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    @Test
    void anAgentCannotPickTheCompanyScopeAndErrorsShowTheProblemDetail() {
        WebFixture.calls(api);
        try (Browser b = new Browser(port).login("csr1@demo.local")) {
            b.open("/ask");
            List<String> scopes = new Select(b.find("#ask-scope")).getOptions().stream().map(o -> o.getAttribute("value")).toList();
            assertThat(scopes).containsExactly("self");

            // Forcing a wider scope than the role allows: the API's problem detail, designed, not raw.
            b.script("var o = document.createElement('option'); o.value = 'company'; o.text = 'x';"
                    + "document.getElementById('ask-scope').appendChild(o); document.getElementById('ask-scope').value = 'company';");
            b.find("#ask-question").sendKeys("What did customers say about the price?");
            b.find("#ask-submit").click();
            assertThat(b.find("#ask-output .ask-error").getText()).contains("wider than your role allows");

            // Their own calls answer fine.
            b.script("document.getElementById('ask-scope').value = 'self';");
            b.find("#ask-submit").click();
            b.waitUntil(d -> !b.findAll("#answer").isEmpty());
            var calls = WebFixture.calls(api);
            for (WebElement group : b.findAll("#answer .conversation-group")) {
                assertThat(group.getAttribute("data-conversation")).as("only csr1's own calls")
                        .isNotIn(calls.get("sup_003"), calls.get("csr_003"), calls.get("fs_003"), calls.get("fs_004"), calls.get("va_002"));
            }
        }
    }
}
