package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The CSR home in a real browser: a CSR completes one of their tasks and closes a missed call from the queue. */
class CsrPageBrowserIT extends PlatformTest {

    @Test
    void aCsrCompletesATaskAndClosesAMissedCall() throws Exception {
        String admin = api.token("admin@demo.local");
        String csr1 = api.token("csr1@demo.local");
        String title = "Call back the browser test " + UUID.randomUUID().toString().substring(0, 8);
        var task = api.post("/api/v1/tasks", csr1, "{\"title\":\"" + title + "\",\"category\":\"callback\"}");
        assertThat(task.status()).as(task.raw()).isEqualTo(201);
        String taskId = task.body().get("id").asString();
        String phone = "+1737" + (2000000 + ThreadLocalRandom.current().nextInt(7999999));
        var up = new Uploads(api).upload(admin, new Part("transcript", "call.json", "application/json",
                Files.readAllBytes(TestData.call("csr_002.json"))), Part.json("metadata", """
                {"external_id":"csr-browser-%s","source":"test","direction":"inbound","channel":"phone","started_at":"%s",
                 "customer":{"phone":"%s","name":"Browser Caller"},"attributes":{"call_type":"missed"}}"""
                .formatted(UUID.randomUUID(), Instant.now().minus(1, ChronoUnit.HOURS), phone)));
        assertThat(up.status()).as(up.raw()).isEqualTo(202);
        String missed = up.body().get("id").asString();

        try (Browser browser = new Browser(port).login("csr1@demo.local")) {
            browser.open("/csr?days=7");
            String taskRow = "#my-tasks tr[data-task-id='" + taskId + "']";
            assertThat(browser.find(taskRow).getText()).contains(title);
            browser.find(taskRow + " button.complete-task").click();
            browser.waitUntil(d -> d.findElements(By.cssSelector(taskRow)).isEmpty());
            assertThat(api.get("/api/v1/tasks/" + taskId, csr1).body().get("status").asString()).isEqualTo("completed");

            String queueRow = "#missed-queue tr[data-conversation-id='" + missed + "']";
            assertThat(browser.find(queueRow).getText()).contains("Browser Caller");
            new Select(browser.find(queueRow + " select.close-reason")).selectByValue("not_a_lead");
            browser.find(queueRow + " button.close-missed").click();
            browser.waitUntil(d -> d.findElements(By.cssSelector(queueRow)).isEmpty());
            assertThat(browser.find("#flash").getText()).contains("not a lead");
            browser.screenshot("csr-home");
            assertThat(api.get("/api/v1/missed-calls/queue?days=7", csr1).raw()).doesNotContain(missed);
            // a reload shows neither again
            browser.open("/csr?days=7");
            assertThat(browser.findAll(taskRow)).isEmpty();
            assertThat(browser.findAll(queueRow)).isEmpty();
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
        }
    }
}
