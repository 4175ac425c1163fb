package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Correcting a turn on Call Detail in a real browser: edit, cancel, save, the "corrected" mark and the re-analysis. */
class TranscriptCorrectionBrowserIT extends PlatformTest {

    @Test
    void anAdminCorrectsATurnOnCallDetail() throws Exception {
        String admin = api.token("admin@demo.local");
        Uploads uploads = new Uploads(api);
        var r = uploads.upload(admin, new Part("transcript", "csr_003.json", "application/json",
                Files.readAllBytes(TestData.call("csr_003.json"))), Part.json("metadata",
                "{\"external_id\":\"correction-page-" + UUID.randomUUID() + "\",\"direction\":\"inbound\"}"));
        String id = r.body().get("id").asString();
        uploads.awaitStatus(admin, id, Duration.ofSeconds(120), "completed", "failed");
        String original = api.get("/api/v1/conversations/" + id + "/transcript", admin).body()
                .get("turns").get(1).get("text").asString();

        try (Browser b = new Browser(port).login("admin@demo.local")) {
            b.consoleErrors(); // the sign-in page's own messages are not this page's
            b.open("/calls/" + id);
            b.waitUntil(d -> "true".equals(b.script("return document.getElementById('call').dataset.ready || ''")));
            String turn = "#transcript .turn[data-turn='1']";

            // Cancel leaves the turn as it was.
            b.find(turn + " .edit-turn").click();
            b.find(turn + " .turn-editor .cancel-turn").click();
            assertThat(b.findAll(turn + " .turn-editor")).isEmpty();
            assertThat(b.find(turn + " .text").getText()).isEqualTo(original);

            // Save: the corrected text is shown, marked, stored, and the call is analysed again.
            b.find(turn + " .edit-turn").click();
            WebElement area = b.find(turn + " .turn-editor textarea");
            assertThat(area.getAttribute("value")).isEqualTo(original);
            area.clear();
            area.sendKeys("Hi, morning. Do you guys pump septic tanks and grease traps?");
            b.find(turn + " .turn-editor .save-turn").click();
            b.waitUntil(d -> b.findAll(turn + " .badge.corrected").size() == 1);
            assertThat(b.find(turn + " .text").getText()).isEqualTo("Hi, morning. Do you guys pump septic tanks and grease traps?");
            assertThat(b.find(turn + " .badge.corrected").getAttribute("title")).isEqualTo("Recognised as: " + original);
            // the notice says so until the re-analysis is done (which may already be the case)
            assertThat(b.find("#page-notice").getText()).containsAnyOf("Turn corrected", "Re-analysis done");
            assertThat(api.get("/api/v1/conversations/" + id + "/transcript", admin).body().get("turns").get(1).get("text")
                    .asString()).isEqualTo("Hi, morning. Do you guys pump septic tanks and grease traps?");
            b.waitUntil(d -> b.find("#page-notice").getText().contains("Re-analysis done"));
            b.screenshot("call-detail-corrected-turn");

            // After a reload the mark comes from the stored revision.
            b.open("/calls/" + id);
            b.waitUntil(d -> b.findAll(turn + " .badge.corrected").size() == 1);
            assertThat(b.findAll("#transcript .badge.corrected")).hasSize(1);
            assertThat(b.consoleErrors()).isEmpty();
        }
    }
}
