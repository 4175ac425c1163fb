package io.verbatim.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * Single sign-on in headless Chromium, with the provider on another site ({@code localhost} against Verbatim's
 * {@code 127.0.0.1}): the pending sign-in cookie must survive the cross-site return, and the Strict session cookie
 * must be there on the first page after it.
 */
class SsoBrowserIT extends PlatformTest {

    @Test
    void aUserSignsInWithSingleSignOnInARealBrowser() {
        SsoFixture.ensure(api, port);
        try (Browser browser = new Browser(port)) {
            browser.open("/calls");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/login?next="));
            browser.find("#organisation").sendKeys(SsoFixture.ONE);
            browser.find("#sso-form button[type=submit]").click();
            browser.waitUntil(d -> d.getCurrentUrl().startsWith(SsoFixture.idp().issuer() + "/login"));
            browser.screenshot("sso-provider-login");
            browser.find("#username").sendKeys("ann-" + SsoFixture.SUFFIX);
            browser.find("#password").sendKeys(SsoFixture.PASSWORD);
            browser.find("button[type=submit]").click();
            browser.waitUntil(d -> d.getCurrentUrl().equals(browser.base() + "/calls"));
            browser.settle();
            assertThat(browser.driver().getPageSource()).contains("Ann Able").doesNotContain("id=\"sso-form\"");
            browser.screenshot("sso-signed-in");
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("favicon")).isEmpty();
        }
    }

    @Test
    void anAdminSetsUpAndRemovesTheProviderOnTheSettingsPage() {
        String tenant = "sso-ui-" + SsoFixture.SUFFIX;
        String domain = "ui-" + SsoFixture.SUFFIX + ".example";
        String root = api.token("root@verbatim.local");
        api.post("/api/v1/tenants", root, "{\"id\":\"" + tenant + "\",\"name\":\"SSO UI\"}");
        SsoFixture.user(api, root, tenant, "admin@" + domain, "UI Admin", "admin", ApiClient.DEMO_PASSWORD);
        try (Browser browser = new Browser(port).login("admin@" + domain)) {
            browser.open("/settings/sso");
            assertThat(browser.find("#sso-status").getText()).contains("Not set up");
            assertThat(browser.find("#redirect-uri").getText()).isEqualTo(browser.base() + "/login/oauth2/code/" + tenant);
            new Select(browser.find("#sso-form select[name=preset]")).selectByValue("keycloak");
            browser.find("#sso-form input[name=issuer]").sendKeys("https://id.example.com/not-a-realm");
            browser.find("#sso-form input[name=client_id]").sendKeys("ui-client");
            browser.find("#sso-form input[name=client_secret]").sendKeys("ui-secret");
            browser.find("#sso-form input[name=email_domains]").sendKeys(domain);
            browser.find("#sso-form input[name=allow_user_creation]").click();
            new Select(browser.find("#sso-form select[name=default_role]")).selectByValue("manager");
            browser.find("#sso-form button[type=submit]").click();
            browser.waitUntil(d -> browser.find("#sso-form .form-error").isDisplayed());
            assertThat(browser.find("#sso-form .form-error").getText()).contains("Keycloak issuer");

            browser.find("#sso-form input[name=issuer]").clear();
            browser.find("#sso-form input[name=issuer]").sendKeys(SsoFixture.idp().issuer());
            browser.find("#sso-form button[type=submit]").click();
            browser.waitUntil(d -> browser.find("#sso-status").getText().contains("Set up with"));
            browser.screenshot("sso-settings");
            var saved = api.get("/api/v1/sso", api.token("admin@" + domain));
            assertThat(saved.body().get("client_id").asString()).isEqualTo("ui-client");
            assertThat(saved.body().get("default_role").asString()).isEqualTo("manager");
            assertThat(saved.body().get("allow_user_creation").asBoolean()).isTrue();
            assertThat(browser.driver().getPageSource()).doesNotContain("ui-secret");

            browser.find("#sso-delete").click();
            browser.driver().switchTo().alert().accept();
            browser.waitUntil(d -> browser.find("#sso-status").getText().contains("Not set up"));
            assertThat(api.get("/api/v1/sso", api.token("admin@" + domain)).status()).isEqualTo(404);
            assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("favicon") && !e.contains("status of 400"))
                    .isEmpty();
        }
    }
}
