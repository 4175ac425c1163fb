package io.verbatim.documents.internal;

import io.verbatim.identity.CurrentUser;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A document's tracked links: each link's state, how often it was opened and the last opens; admins and managers
 * who may read the document share a new link or revoke one here (the same people the links API lets).
 */
@Controller
class TrackedLinksPage {

    private final DocumentStore documents;
    private final TrackedLinks links;

    TrackedLinksPage(DocumentStore documents, TrackedLinks links) {
        this.documents = documents;
        this.links = links;
    }

    @GetMapping("/documents/{id}/links")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    String page(@PathVariable UUID id, Model model) {
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("document", documents.get(id).document()); // 404 unless the caller may read it
        model.addAttribute("links", links.list(id));
        return "document-links";
    }
}
