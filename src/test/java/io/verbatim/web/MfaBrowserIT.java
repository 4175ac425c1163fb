package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TotpCodes;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Two-step sign-in in Chromium: enrol on Settings → Security, sign out, sign in with the password and then a code. */
class MfaBrowserIT extends PlatformTest {

    @Test
    void aUserEnrolsAnAuthenticatorAndThenSignsInWithACode() {
        String email = "browser-mfa-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.local";
        assertThat(api.post("/api/v1/users", api.token("admin@demo.local"), """
                {"email":"%s","name":"Browser MFA","role":"manager","password":"%s"}""".formatted(email, ApiClient.DEMO_PASSWORD))
                .status()).isEqualTo(201);
        try (Browser browser = new Browser(port).login(email)) {
            browser.open("/settings/security");
            browser.find("#sessions tbody tr");
            assertThat(browser.find("#sessions").getText()).contains("this browser");
            browser.find("#enrol-start").click();
            browser.find("#qr svg");
            String key = browser.waitUntil(d -> {
                String text = d.findElement(By.id("manual-key")).getAttribute("textContent");
                return text == null || text.isBlank() ? null : text.strip();
            });
            TotpCodes app = TotpCodes.fromKey(key).freshStep();
            long confirmedStep = TotpCodes.step();
            browser.find("#confirm-form input[name=code]").sendKeys(app.codeAt(confirmedStep));
            browser.find("#confirm-form button[type=submit]").click();
            browser.find("#recovery");
            List<String> codes = browser.findAll("#recovery-codes li").stream().map(li -> li.getText().strip()).toList();
            assertThat(codes).hasSize(10).allMatch(c -> c.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}"));
            assertThat(browser.find("#mfa-on").isDisplayed()).isTrue();
            browser.screenshot("security-recovery-codes");

            // Sign out (the session is revoked), then sign in: the password leads to the code page.
            browser.find("form[action='/logout'] button").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
            browser.open("/login?next=%2Fcalls");
            browser.find("#email").sendKeys(email);
            browser.find("#password").sendKeys(ApiClient.DEMO_PASSWORD);
            browser.find("form[action='/login'] button[type=submit]").click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("/login/totp"));
            browser.screenshot("login-totp");
            browser.find("#code").sendKeys("000000".equals(app.codeAt(confirmedStep + 1)) ? "111111" : "000000");
            browser.find("form[action='/login/totp'] button[type=submit]").click();
            assertThat(browser.find(".alert").getText()).contains("not right");
            // A code the server has not seen yet: this step's, or the next one if this step's was the enrolment code.
            long step = Math.max(TotpCodes.step(), confirmedStep + 1);
            browser.find("#code").sendKeys(app.codeAt(step));
            browser.find("form[action='/login/totp'] button[type=submit]").click();
            browser.waitUntil(d -> d.getCurrentUrl().endsWith("/calls"));
            assertThat(browser.find(".topbar .who").getText()).contains("Browser MFA");
            assertThat(browser.consoleErrors()).noneMatch(e -> !e.contains("favicon") && !e.contains("status of 401"));
        }
    }
}
