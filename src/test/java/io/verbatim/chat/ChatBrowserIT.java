package io.verbatim.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.Browser;
import io.verbatim.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** The chat page in Chromium: the demo's Support AI answers from the demo price list, streamed, with its page. */
class ChatBrowserIT extends PlatformTest {

    @Test
    void an_answer_streams_in_with_its_document_page_and_takes_a_thumbs_up() {
        awaitDemoLibrary();
        try (Browser b = new Browser(port).login("csr1@demo.local")) {
            b.consoleErrors();
            b.open("/chat");
            new Select(b.find("#chat-persona")).selectByVisibleText("Support AI");
            b.find("#chat-input").sendKeys("How much is the Care Plan Plus per month?");
            b.find("#chat-send").click();
            b.waitUntil(d -> "true".equals(b.script(
                    "var m = document.querySelector('.chat-message.assistant'); return m ? m.getAttribute('data-done') : null")));
            assertThat(b.find(".chat-message.assistant .chat-text").getText()).contains("24 dollars");
            assertThat(b.find(".chat-message.assistant .chat-citation").getText()).contains("Price list 2027, page 2");
            b.find(".chat-message.assistant .thumb-up").click();
            b.waitUntil(d -> "up".equals(b.find(".chat-feedback").getAttribute("data-rated")));
            b.screenshot("chat");
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    /** The demo documents are processed in the background after start. */
    private void awaitDemoLibrary() {
        String admin = api.token("admin@demo.local");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            var docs = api.get("/api/v1/documents?limit=500", admin).body().get("items");
            boolean priceList = false;
            for (var d : docs) {
                priceList |= d.get("title").asString().equals("Price list 2027") && d.get("status").asString().equals("indexed");
            }
            if (priceList) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the demo price list was not indexed");
    }
}
