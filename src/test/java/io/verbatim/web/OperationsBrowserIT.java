package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A platform admin runs a backup from Settings → Status, and an admin filters the audit log, in a real browser. */
class OperationsBrowserIT extends PlatformTest {

    @Test
    void aPlatformAdminBacksUpFromTheStatusPageAndAnAdminFiltersTheAuditLog() {
        try (Browser browser = new Browser(port).login("root@verbatim.local")) {
            browser.open("/settings/status");
            assertThat(browser.find("#services tr[data-component='jobs']").getText()).contains("UP");
            int before = browser.findAll("#backups tbody tr").size();
            browser.find("#run-backup").click();
            // The page reloads with a message; the new backup is listed (queued, running or already done).
            browser.waitUntil(d -> d.findElements(By.cssSelector("#backups tbody tr")).size() > before);
            assertThat(browser.find("#flash").getText()).contains("Backup started");
            for (int i = 0; i < 60 && !browser.find("#backups tbody tr").getText().contains("succeeded"); i++) {
                sleep();
                browser.open("/settings/status");
            }
            assertThat(browser.find("#backups tbody tr").getText()).contains("succeeded").contains("manual");
            browser.screenshot("settings-status");
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
        }
        try (Browser browser = new Browser(port).login("admin@demo.local")) {
            browser.open("/settings/audit");
            browser.find("#audit-filter input[name=action]").sendKeys("auth.login");
            browser.find("#audit-filter button[type=submit]").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("action=auth.login"));
            assertThat(browser.findAll("#audit tbody tr")).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getText()).contains("auth.login"));
            assertThat(browser.find("#audit-csv").getAttribute("href")).endsWith("/api/v1/audit.csv?action=auth.login");
            assertThat(browser.findAll("#audit-filter a.btn.ghost")).extracting(e -> e.getText()).contains("Clear");
            browser.screenshot("settings-audit");
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(Duration.ofMillis(500).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
