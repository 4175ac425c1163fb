package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * A shopper submits a visit in headless Chromium: answers the survey, uploads the recording with tus in 64 KiB chunks,
 * the connection drops after the first chunk, and the upload is resumed from the evaluation page after a reload,
 * from the server's offset, to the same bytes (sha256).
 */
class ShopperVisitBrowserIT extends PlatformTest {

    static final String T = "demo-tenant";
    static final int CHUNK = 64 * 1024;
    private Browser browser;
    private String shopper;
    private String campaign;

    @BeforeEach
    void setUp() {
        String admin = api.token("admin@demo.local");
        String zone = ShoppingFixture.zone(api, admin, "Gazcue");
        shopper = ShoppingFixture.shopper(api, T);
        campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, T, shopper), null);
        browser = new Browser(port);
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aShopperSubmitsAVisitAndResumesTheInterruptedUpload() throws Exception {
        byte[] wav = TestAudio.clip(TestData.call("va_008.stereo.wav"), 0, 12);
        assertThat(wav.length).isGreaterThan(3 * CHUNK);
        Path file = Files.createTempDirectory("visit-").resolve("visita.wav");
        Files.write(file, wav);

        browser.login(shopper).open("/shopping/campaigns?lang=es");
        browser.find("a.visit-link[href='/shopping/campaigns/" + campaign + "/visit']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/visit"));
        assertThat(browser.find("h1").getText()).startsWith("Nueva visita");
        browser.find("fieldset[data-name=saludo] input[value='true']").click();
        browser.find("fieldset[data-name=amabilidad] input[value='4']").click();
        browser.find("fieldset[data-name=oferta] input[value='\"si\"']").click();
        browser.find("fieldset[data-name=extras] input[value='\"cafe\"']").click();
        browser.find("fieldset[data-name=cierre] input[value='true']").click();
        browser.find("#media").sendKeys(file.toString());
        // Small chunks, and a connection that drops after the first PATCH (every later PATCH fails as offline would).
        browser.script("document.getElementById('visit-form').dataset.chunkSize = arguments[0];"
                + "var real = window.fetch, patches = 0;"
                + "window.fetch = function (url, init) {"
                + "  if (init && init.method === 'PATCH' && ++patches > 1) return Promise.reject(new TypeError('Failed to fetch'));"
                + "  return real.apply(this, arguments); };", String.valueOf(CHUNK));
        browser.screenshot("shopping-visit-form");
        browser.find("#visit-submit").click();

        browser.waitUntil(d -> "interrupted".equals(d.findElement(By.id("upload-state")).getDomAttribute("data-state")));
        assertThat(browser.find("#upload-bar").getDomAttribute("data-offset")).isEqualTo(String.valueOf(CHUNK));
        assertThat(browser.find("#upload-state").getText()).contains("Se cortó la conexión");
        String evaluation = browser.find("#evaluation-link").getDomAttribute("data-evaluation");
        String token = api.token(shopper);
        JsonNode created = api.get("/api/v1/evaluations/" + evaluation, token).body();
        assertThat(created.get("status").asString()).isEqualTo("pending");
        assertThat(created.get("score").decimalValue()).isPositive();
        assertThat(created.get("uploads")).hasSize(1);
        assertThat(created.get("uploads").get(0).get("offset").asLong()).isEqualTo(CHUNK);
        browser.screenshot("shopping-visit-interrupted");

        // A reload: the page remembers the unfinished visit and leads to its evaluation, where the same file resumes.
        browser.open("/shopping/campaigns/" + campaign + "/visit");
        browser.find("#unfinished-link").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/shopping/evaluations/" + evaluation));
        assertThat(browser.find("#upload-list .upload-partial").getText()).contains("65.536 de " + String.format(java.util.Locale.of("es"), "%,d", wav.length));
        browser.find("#upload-form #media").sendKeys(file.toString());
        browser.find("#upload-start").click();
        browser.waitUntil(d -> "done".equals(d.findElement(By.id("upload-state")).getDomAttribute("data-state")));
        assertThat(browser.find("#upload-state").getDomAttribute("data-resumed-from")).isEqualTo(String.valueOf(CHUNK));
        assertThat(browser.find("#upload-state").getText()).contains("Reanudada", "Grabación subida");

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav));
        JsonNode done = api.get("/api/v1/evaluations/" + evaluation, token).body();
        assertThat(done.get("uploads")).hasSize(1);
        assertThat(done.get("uploads").get(0).get("sha256").asString()).isEqualTo(sha256);
        assertThat(done.get("uploads").get(0).get("offset").asLong()).isEqualTo(wav.length);
        browser.open("/shopping/evaluations/" + evaluation);
        assertThat(browser.find("#upload-list .upload-done .sha256").getText()).isEqualTo(sha256);
        browser.screenshot("shopping-visit-resumed");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theVisitPageIsForTheCampaignsShoppersOnly() {
        String path = "/shopping/campaigns/" + campaign + "/visit";
        Map<String, String> html = Map.of("Accept", "text/html");
        assertThat(api.send("GET", path, api.token(shopper), html, null).status()).isEqualTo(200);
        // An admin is no shopper; another shopper of the company is not assigned; another company's shopper never sees it.
        assertThat(api.send("GET", path, api.token("admin@demo.local"), html, null).status()).isEqualTo(403);
        assertThat(api.send("GET", path, api.token(ShoppingFixture.shopper(api, T)), html, null).status()).isEqualTo(404);
        assertThat(api.send("GET", path, api.token(ShoppingFixture.shopper(api, "acme")), html, null).status()).isEqualTo(404);
        ApiClient.Response page = api.send("GET", path, api.token(shopper), html, null);
        assertThat(page.raw()).contains("data-name=\"saludo\"", "data-name=\"cierre\"", "id=\"media\"").doesNotContain("<script>");
    }
}
