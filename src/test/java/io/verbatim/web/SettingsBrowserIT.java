package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** An admin manages users, teams, API keys, scorecards and analysis settings in a real browser. */
class SettingsBrowserIT extends PlatformTest {

    private final List<String> consoleErrors = new ArrayList<>();

    /**
     * Console errors, except Chrome's own line for the 422 answers this test provokes on purpose (a broken config)
     * and the browser's automatic /favicon.ico request (the app ships no icon).
     */
    private void collect(Browser browser) {
        browser.consoleErrors().stream().filter(e -> !e.contains("status of 422") && !e.contains("/favicon.ico"))
                .forEach(consoleErrors::add);
    }

    @Test
    void anAdminManagesTheTenantsSettings() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String teamName = "Settings team " + suffix;
        String email = "settings-" + suffix + "@demo.local";
        String keyName = "settings-key-" + suffix;
        String admin = api.token("admin@demo.local");
        String call = WebFixture.calls(api).get("sup_003");
        try (Browser browser = new Browser(port).login("admin@demo.local")) {
            // /settings lands on users.
            browser.open("/settings");
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/settings/users"));

            // Teams: create one.
            browser.open("/settings/teams");
            browser.find("#team-form input[name=name]").sendKeys(teamName);
            browser.find("#team-form button[type=submit]").click();
            WebElement teamRow = browser.find("#teams tr[data-name='" + teamName + "']");
            String teamId = teamRow.getAttribute("data-id");
            assertThat(teamRow.getText()).contains(teamName);
            browser.screenshot("settings-teams");
            collect(browser);

            // Users: create an agent in that team with an initial password.
            browser.open("/settings/users");
            browser.waitUntil(d -> d.findElements(By.cssSelector("#user-form select.team option[value='" + teamId + "']")).size() == 1);
            browser.find("#user-form input[name=name]").sendKeys("Settings Agent " + suffix);
            browser.find("#user-form input[name=email]").sendKeys(email);
            new Select(browser.find("#user-form select[name=role]")).selectByValue("agent");
            new Select(browser.find("#user-form select[name=agent_kind]")).selectByValue("sales_rep");
            new Select(browser.find("#user-form select[name=team_id]")).selectByValue(teamId);
            browser.find("#user-form input[name=password]").sendKeys("initial-pass-" + suffix);
            browser.find("#user-form button[type=submit]").click();
            WebElement userRow = browser.find("#users tr[data-email='" + email + "']");
            browser.waitUntil(d -> teamId.equals(new Select(userRow.findElement(By.cssSelector("select.team"))).getFirstSelectedOption().getAttribute("value")));
            assertThat(new Select(userRow.findElement(By.cssSelector("select.role"))).getFirstSelectedOption().getText()).isEqualTo("agent");
            assertThat(new Select(userRow.findElement(By.cssSelector("select.agent-kind"))).getFirstSelectedOption().getText()).isEqualTo("sales_rep");
            assertThat(browser.find("#flash").getText()).contains(email);
            var login = api.post("/api/v1/auth/login", null,
                    "{\"email\":\"" + email + "\",\"password\":\"initial-pass-" + suffix + "\"}");
            assertThat(login.status()).as("the new user signs in with the initial password").isEqualTo(200);
            browser.screenshot("settings-users");
            collect(browser);

            // API keys: create (shown once), then revoke.
            browser.open("/settings/api-keys");
            browser.find("#keys-wrap, #keys-empty");
            browser.find("#key-form input[name=name]").sendKeys(keyName);
            browser.find("#key-form button[type=submit]").click();
            String key = browser.find("#new-key-value").getText();
            assertThat(key).startsWith("vbk_");
            assertThat(browser.find("#new-key").getText()).contains("you won't see it again");
            assertThat(browser.find("#copy-key").isDisplayed()).isTrue();
            assertThat(api.get("/api/v1/auth/me", key).status()).as("the key works").isEqualTo(200);
            WebElement keyRow = browser.find("#keys tr[data-name='" + keyName + "']");
            browser.screenshot("settings-api-keys");
            browser.find("#dismiss-key").click();
            assertThat(browser.findAll("#new-key-value").getFirst().getText()).isEmpty();
            browser.open("/settings/api-keys");
            keyRow = browser.find("#keys tr[data-name='" + keyName + "']");
            assertThat(browser.driver().getPageSource()).doesNotContain(key);
            browser.script("window.confirm = function () { return true; };");
            // The table re-renders when its data arrives: find the button afresh rather than through an old row.
            browser.find("#keys tr[data-name='" + keyName + "'] button.revoke").click();
            browser.waitUntil(d -> d.findElement(By.cssSelector("#keys tr[data-name='" + keyName + "']")).getText().contains("revoked"));
            assertThat(api.get("/api/v1/auth/me", key).status()).as("the revoked key is refused").isEqualTo(401);
            collect(browser);

            // Scorecards: break the config, see the error with its path, nothing saved.
            browser.open("/settings/scorecards");
            browser.waitUntil(d -> !((String) browser.script("return document.getElementById('config').value")).isBlank());
            String storedBefore = api.get("/api/v1/analysis/qa-config", admin).raw();
            String path = "$.scorecards[0].sections[0].items[0].weight";
            edit(browser, "c.scorecards[0].sections[0].items[0].weight = -1;");
            browser.find("#validate").click();
            WebElement error = browser.find("#config-errors li[data-path='" + path + "']");
            assertThat(error.getText()).contains(path);
            assertThat(browser.find("#config-errors").getText()).contains("nothing was saved");
            assertThat(browser.findAll("#gutter b.err")).isNotEmpty();
            browser.find("#save").click();
            browser.waitUntil(d -> browser.find("#config-errors").getText().contains(path));
            assertThat(api.get("/api/v1/analysis/qa-config", admin).raw()).as("nothing saved").isEqualTo(storedBefore);

            // Fix it (a different valid weight), test on a fixture call without saving.
            edit(browser, "c.scorecards[0].sections[0].items[0].weight = 2.5;");
            browser.find("#validate").click();
            assertThat(browser.find("#config-ok").getText()).contains("Valid");
            browser.find("#preview-id").sendKeys(call);
            browser.find("#preview-run").click();
            browser.find("#preview-items tr.preview-item");
            List<String> results = browser.findAll("#preview-items tr.preview-item").stream().map(r -> r.getAttribute("data-result")).toList();
            assertThat(results).isNotEmpty().allMatch(r -> List.of("met", "not_met", "not_applicable").contains(r));
            assertThat(browser.find("#preview-summary").getText()).containsIgnoringCase("Score").containsIgnoringCase("Auto-fail");
            assertThat(browser.findAll("#preview-items blockquote.evidence")).isNotEmpty();
            assertThat(api.get("/api/v1/analysis/qa-config", admin).raw()).as("testing saves nothing").isEqualTo(storedBefore);
            browser.screenshot("settings-scorecards");

            // Save; a reload shows it.
            browser.find("#save").click();
            browser.waitUntil(d -> browser.find("#config-ok").getText().contains("Saved"));
            browser.open("/settings/scorecards");
            browser.waitUntil(d -> !((String) browser.script("return document.getElementById('config').value")).isBlank());
            assertThat(((Number) browser.script("return JSON.parse(document.getElementById('config').value).scorecards[0].sections[0].items[0].weight")).doubleValue())
                    .isEqualTo(2.5);
            assertThat(browser.find("#config-source").getText()).isEqualTo("your scorecards");
            JsonNode stored = api.get("/api/v1/analysis/qa-config", admin).body();
            assertThat(stored.get("scorecards").get(0).get("sections").get(0).get("items").get(0).get("weight").asDouble()).isEqualTo(2.5);

            // Reset to defaults.
            browser.script("window.confirm = function () { return true; };");
            browser.find("#reset").click();
            browser.waitUntil(d -> browser.find("#config-source").getText().equals("shipped defaults"));
            assertThat(api.get("/api/v1/analysis/qa-config", admin).header("x-verbatim-config-source")).isEqualTo("defaults");
            collect(browser);

            // Analysis settings: both forms load and save with visible feedback (values unchanged).
            browser.open("/settings/analysis");
            browser.find("#tenant-form button[type=submit]").click();
            browser.waitUntil(d -> browser.find("#tenant-form .saved").getText().contains("Saved"));
            browser.find("#ai-form button[type=submit]").click();
            browser.waitUntil(d -> browser.find("#ai-form .saved").getText().contains("Saved"));
            browser.screenshot("settings-analysis");
            collect(browser);

            // Credentials shares the settings navigation.
            browser.open("/settings/credentials");
            assertThat(browser.find("nav.settings-nav a.on").getText()).isEqualTo("Credentials");
            collect(browser);
        } finally {
            api.delete("/api/v1/analysis/qa-config", admin);
        }
        assertThat(consoleErrors).isEmpty();
    }

    /** Edits the editor's JSON as an object {@code c} and fires the input event, as typing would. */
    private static void edit(Browser browser, String js) {
        browser.script("var a = document.getElementById('config'); var c = JSON.parse(a.value); " + js
                + " a.value = JSON.stringify(c, null, 2); a.dispatchEvent(new Event('input'));");
    }
}
