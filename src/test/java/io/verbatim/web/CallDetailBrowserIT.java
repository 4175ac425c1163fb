package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import io.verbatim.support.WebFixture;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** Call Detail in a real browser: the player, the synced transcript, seeking from evidence and citations, actions. */
class CallDetailBrowserIT extends PlatformTest {

    private static String recorded;
    private static Browser browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A recording transcribed through the whole pipeline, once for the class. */
    private synchronized String recordedCall() throws Exception {
        if (recorded == null) {
            String admin = api.token("admin@demo.local");
            Uploads uploads = new Uploads(api);
            String metadata = """
                    {"external_id":"call-detail-%s","direction":"inbound","channel":"phone","agent":"csr1@demo.local",
                     "channel_roles":{"left":"agent","right":"customer"},"tags":["%s"]}""".formatted(WebFixture.TAG, WebFixture.TAG);
            var r = uploads.upload(admin, new Part("media", "csr_002.wav", "audio/wav",
                    Files.readAllBytes(TestData.call("csr_002.stereo.wav"))), Part.json("metadata", metadata));
            assertThat(r.status()).as(r.raw()).isIn(200, 202);
            String id = r.body().get("id").asString();
            JsonNode done = uploads.awaitStatus(admin, id, Duration.ofSeconds(300), "completed", "failed");
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
            recorded = id;
        }
        return recorded;
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(port).login("admin@demo.local");
            browser.consoleErrors(); // the sign-in page's own messages are not this page's
        }
        return browser;
    }

    private void openCall(String path) {
        browser().open(path);
        browser().waitUntil(d -> "true".equals(browser().script("return document.getElementById('call').dataset.ready || ''")));
    }

    private double currentTime() {
        return ((Number) browser().script("return document.getElementById('player').currentTime")).doubleValue();
    }

    private void awaitTime(double expected) {
        browser().waitUntil(d -> Math.abs(currentTime() - expected) < 0.3);
    }

    @Test
    void aRecordedCallPlaysSeeksSwapsAndAnswers() throws Exception {
        String id = recordedCall();
        JsonNode transcript = api.get("/api/v1/conversations/" + id + "/transcript", api.token("admin@demo.local")).body();
        JsonNode turns = transcript.get("turns");
        assertThat(turns.size()).isGreaterThan(4);

        openCall("/calls/" + id);
        Browser b = browser();
        // The waveform is drawn (peaks loaded, canvas sized) and every turn is listed.
        b.waitUntil(d -> Boolean.TRUE.equals(b.script("""
                var c = document.getElementById('waveform-canvas');
                return document.getElementById('waveform-status').hidden && c.width > 100""")));
        long inked = ((Number) b.script("""
                var c = document.getElementById('waveform-canvas');
                var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
                for (var i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
                return n""")).longValue();
        assertThat(inked).as("waveform pixels drawn").isGreaterThan(1000);
        assertThat(b.findAll("#transcript .turn")).hasSize(turns.size());
        assertThat(b.find("#player").getTagName()).isEqualTo("audio");

        // Clicking a turn seeks the player to its start and highlights it.
        int index = 4;
        double start = turns.get(index).get("start").asDouble();
        b.find("#transcript .turn[data-turn='" + index + "']").click();
        awaitTime(start);
        assertThat(b.find("#transcript .turn.current").getAttribute("data-turn")).isEqualTo(Integer.toString(index));
        assertThat(b.findAll("#transcript .turn.current")).hasSize(1);

        // Clicking scorecard evidence seeks to the evidence.
        List<WebElement> evidence = b.findAll("#scorecard .evidence-item");
        assertThat(evidence).as("scorecard evidence on the recorded call").isNotEmpty();
        WebElement item = evidence.getLast();
        double evidenceStart = Double.parseDouble(item.getAttribute("data-start"));
        b.script("arguments[0].scrollIntoView({block:'center'})", item);
        item.click();
        awaitTime(evidenceStart);
        assertThat(b.find("#transcript .turn.current").getAttribute("data-turn")).isEqualTo(item.getAttribute("data-turn"));

        // Ask about this call: a word from the transcript finds a moment; its citation seeks.
        String word = longestWord(turns.get(turns.size() / 2).get("text").asString());
        b.find("#ask-call-question").sendKeys("What was said about " + word + "?");
        b.find("#ask-call button[type=submit]").click();
        WebElement citation = b.find("#ask-call-result .citation");
        double cited = Double.parseDouble(citation.getAttribute("data-start"));
        assertThat(b.find("#ask-call-result .answer").getText()).isNotBlank();
        b.script("arguments[0].scrollIntoView({block:'center'})", citation);
        citation.click();
        awaitTime(cited);

        b.script("window.scrollTo(0, 0)");
        tall(b, "call-detail");

        // Swap speakers: the transcript comes back with agent and customer exchanged; swapping again restores it.
        String firstSpeaker = firstSpeaker(b);
        assertThat(firstSpeaker).isIn("agent", "customer");
        b.find("#swap-speakers").click();
        b.waitUntil(d -> !firstSpeaker.equals(firstSpeaker(b)));
        assertThat(b.find("#page-notice").getText()).contains("swapped");
        assertThat(api.get("/api/v1/conversations/" + id + "/transcript", api.token("admin@demo.local")).body()
                .get("turns").get(0).get("speaker").asString()).isNotEqualTo(turns.get(0).get("speaker").asString());
        b.find("#swap-speakers").click();
        b.waitUntil(d -> firstSpeaker.equals(firstSpeaker(b)));

        // ?t= seeks on load (where Ask's citations link) and highlights the turn playing then.
        double t = turns.get(turns.size() - 2).get("start").asDouble() + 0.2;
        openCall("/calls/" + id + "?t=" + t);
        awaitTime(t);
        assertThat(b.find("#transcript .turn.current").getAttribute("data-turn")).isEqualTo(Integer.toString(turns.size() - 2));

        assertThat(b.consoleErrors()).isEmpty();
    }

    @Test
    void aTranscriptOnlyCallRendersWithoutAPlayer() {
        String id = WebFixture.calls(api).get("sup_002");
        openCall("/calls/" + id);
        Browser b = browser();
        assertThat(b.find("#no-media").getText()).contains("Transcript only");
        assertThat(b.findAll("#player")).isEmpty();
        assertThat(b.findAll("#waveform")).isEmpty();
        List<WebElement> turns = b.findAll("#transcript .turn");
        assertThat(turns).hasSizeGreaterThan(3);
        turns.get(2).click();
        assertThat(b.find("#transcript .turn.current").getAttribute("data-turn")).isEqualTo("2");
        assertThat(b.find("#summary").getText()).isNotBlank().doesNotContain("Loading");
        assertThat(b.find("#scorecard .score-head").getText()).isNotBlank();
        assertThat(b.findAll("#talk canvas")).as("talk-time chart drawn").isNotEmpty();
        assertThat(b.findAll("#sentiment canvas")).as("sentiment timeline drawn").isNotEmpty();
        assertThat(b.findAll("#history tbody tr")).isNotEmpty();
        tall(b, "call-detail-transcript-only");
        assertThat(b.consoleErrors()).isEmpty();

        // A call the user may not see: the designed 404 page, not data and not a stack trace.
        b.open("/calls/" + WebFixture.calls(api).get("acme:ms_002"));
        assertThat(b.find(".not-found").getText()).contains("Call not found");
        assertThat(b.consoleErrors()).as("only the page's own 404").allSatisfy(e -> assertThat(e).contains("404"));
    }

    /** A screenshot of the whole page (every card), then the usual window again. */
    private static void tall(Browser b, String name) {
        var window = b.driver().manage().window();
        var size = window.getSize();
        window.setSize(new org.openqa.selenium.Dimension(size.getWidth(), 2400));
        b.screenshot(name);
        window.setSize(size);
    }

    /** Read in the page (the transcript is re-rendered while we wait, so element handles go stale). */
    private static String firstSpeaker(Browser b) {
        return (String) b.script("var s = document.querySelector(\"#transcript .turn[data-turn='0'] .speaker\");"
                + " return s ? s.textContent : ''");
    }

    private static String longestWord(String text) {
        String best = "";
        for (String w : text.replaceAll("[^A-Za-z ]", " ").split("\\s+")) {
            if (w.length() > best.length()) {
                best = w;
            }
        }
        return best;
    }

}
