package io.verbatim.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An admin uploads a labelled set on Settings > Evaluation and reads per-item accuracy, in a real browser. */
class EvaluationBrowserIT extends PlatformTest {

    @Test
    void anAdminUploadsALabelledSetAndSeesPerItemAccuracy() throws Exception {
        try (Browser browser = new Browser(port).login("admin@demo.local")) {
            browser.open("/settings/evaluation");
            browser.find("#runs-empty, #runs-wrap");
            assertThat(browser.find(".settings-nav a.on").getText()).isEqualTo("Evaluation");
            browser.find("#evaluation-form input[name=name]").sendKeys("Browser set");
            browser.find("#evaluation-form input[name=files]").sendKeys(String.join("\n",
                    TestData.call("csr_002.json").toRealPath().toString(),
                    TestData.call("csr_002.labels.json").toRealPath().toString()));
            browser.find("#evaluation-form button[type=submit]").click();
            browser.waitUntil(d -> d.findElements(By.cssSelector("#run-status[data-status]")).size() == 1);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (Instant.now().isBefore(deadline)
                    && browser.driver().findElements(By.cssSelector("#run-status[data-status=done]")).isEmpty()) {
                Thread.sleep(1000);
            }
            assertThat(browser.find("#run-status").getAttribute("data-status")).isEqualTo("done");
            assertThat(browser.find("#qa-items tr[data-field=greeting]").getText()).contains("greeting", "%", "1 / 1");
            assertThat(browser.find("#fields tr[data-field=call_reason]").getText()).contains("/ 1");
            assertThat(browser.find("#matches tr[data-match=pii]").getText()).contains("%");
            assertThat(browser.find("#runs tr[data-id]").getText()).contains("Browser set");
            browser.screenshot("settings-evaluation");
            assertThat(browser.consoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList()).isEmpty();
        }
    }
}
