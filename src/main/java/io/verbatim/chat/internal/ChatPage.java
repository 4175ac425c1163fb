package io.verbatim.chat.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Chat: pick a persona and ask; answers stream in through server-sent events (static/js/chat.js). */
@Controller
class ChatPage {

    private final PersonaStore personas;

    ChatPage(PersonaStore personas) {
        this.personas = personas;
    }

    @GetMapping("/chat")
    String page(Model model) {
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("personas", personas.list(null, Page.MAX_LIMIT).items());
        return "chat";
    }
}
