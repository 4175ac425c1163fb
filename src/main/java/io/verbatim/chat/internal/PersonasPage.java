package io.verbatim.chat.internal;

import io.verbatim.documents.DocumentLibrary;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The persona editor (admins): every persona, its version, and a form that writes a new version (static/js/personas.js). */
@Controller
class PersonasPage {

    private final PersonaStore personas;
    private final DocumentLibrary library;

    PersonasPage(PersonaStore personas, DocumentLibrary library) {
        this.personas = personas;
        this.library = library;
    }

    @GetMapping("/personas")
    String page(Model model) {
        CurrentUser user = CurrentUser.require();
        if (!user.role().administers()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only admins edit personas");
        }
        model.addAttribute("user", user);
        model.addAttribute("personas", personas.list(null, Page.MAX_LIMIT).items());
        model.addAttribute("collections", library.collectionNames());
        return "personas";
    }
}
