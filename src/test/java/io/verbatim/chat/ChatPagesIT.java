package io.verbatim.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat and documents pages render for every role, each showing only what the caller may read. */
class ChatPagesIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    @Test
    void the_library_page_shows_the_managers_collection_to_managers_only() {
        var manager = api.send("GET", "/documents", api.token("manager@demo.local"), HTML, null);
        assertThat(manager.status()).isEqualTo(200);
        assertThat(manager.raw()).contains("Customer knowledge").contains("Sales management").contains("Sales playbook")
                .contains("id=\"document-upload\"");
        var agent = api.send("GET", "/documents", api.token("csr1@demo.local"), HTML, null);
        assertThat(agent.status()).isEqualTo(200);
        assertThat(agent.raw()).contains("Customer knowledge").contains("Price list 2027")
                .doesNotContain("Sales management").doesNotContain("Sales playbook").doesNotContain("id=\"document-upload\"");
        var acme = api.send("GET", "/documents", api.token("admin@acme.local"), HTML, null);
        assertThat(acme.raw()).doesNotContain("Customer knowledge").doesNotContain("Price list 2027");
    }

    @Test
    void the_chat_page_offers_the_tenants_personas() {
        var r = api.send("GET", "/chat", api.token("csr1@demo.local"), HTML, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw()).contains("id=\"chat-form\"").contains("Support AI").contains("Sales AI").contains("/js/chat.js");
        assertThat(api.send("GET", "/chat", api.token("admin@acme.local"), HTML, null).raw()).doesNotContain("Support AI");
        assertThat(api.send("GET", "/chat", null, HTML, null).status()).isEqualTo(302);
    }

    @Test
    void the_persona_editor_is_for_admins() {
        var admin = api.send("GET", "/personas", api.token("admin@demo.local"), HTML, null);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.raw()).contains("id=\"persona-form\"").contains("Support AI").contains("Sales management")
                .contains("/js/personas.js");
        assertThat(api.send("GET", "/personas", api.token("manager@demo.local"), HTML, null).status()).isEqualTo(403);
    }
}
