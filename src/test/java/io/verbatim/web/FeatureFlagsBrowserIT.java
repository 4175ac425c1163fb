package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.flags.FlagKeys;
import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Settings, Feature flags in a real browser: a tenant admin switches a feature off and back; the operator defines a flag. */
class FeatureFlagsBrowserIT extends PlatformTest {

    @Test
    void aTenantAdminSetsAndClearsTheirValue() {
        String selector = "#flags tr[data-key='" + FlagKeys.QA_CONFIG_PREVIEW + "']";
        try (Browser browser = new Browser(port).login("admin@acme.local")) {
            browser.open("/settings/flags");
            new Select(browser.find(selector + " select.override")).selectByValue("off");
            browser.waitUntil(d -> d.findElement(By.cssSelector(selector + " .flag-value")).getText().equals("false"));
            assertThat(browser.find("#flash").getText()).contains("Set " + FlagKeys.QA_CONFIG_PREVIEW + " to off");
            assertThat(browser.find(selector + " .flag-reason").getText()).isEqualTo("your value");
            browser.screenshot("settings-flags");

            new Select(browser.find(selector + " select.override")).selectByValue("");
            browser.waitUntil(d -> d.findElement(By.cssSelector(selector + " .flag-value")).getText().equals("true"));
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("/favicon.ico")).isEmpty();
        } finally {
            api.delete("/api/v1/flags/" + FlagKeys.QA_CONFIG_PREVIEW + "/override", api.token("admin@acme.local"));
        }
    }

    @Test
    void thePlatformAdminDefinesAFlag() {
        String key = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = new Browser(port).login("root@verbatim.local")) {
            browser.open("/settings/flags");
            browser.find("#definition-form input[name=key]").sendKeys(key);
            browser.script("document.querySelector('#definition-form textarea').value = arguments[0];", """
                    {"description":"Made in the browser","type":"boolean","variants":{"on":true,"off":false},
                     "default_variant":"on","allow_tenant_override":true}""");
            browser.find("#definition-form button[type=submit]").click();
            browser.waitUntil(d -> !d.findElements(By.cssSelector("#flags tr[data-key='" + key + "']")).isEmpty());
            assertThat(browser.find("#flags tr[data-key='" + key + "'] .flag-value").getText()).isEqualTo("true");
            assertThat(browser.find("#flash").getText()).contains("Created the flag " + key);
        } finally {
            api.delete("/api/v1/flags/" + key, api.token("root@verbatim.local"));
        }
    }
}
