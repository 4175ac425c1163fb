package io.verbatim.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import org.junit.jupiter.api.Test;

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
}
