package io.verbatim.documents.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The document library: the collections and documents the caller may read, and (admins, managers) an upload form. */
@Controller
class DocumentsPage {

    private final CollectionStore collections;
    private final DocumentStore documents;

    DocumentsPage(CollectionStore collections, DocumentStore documents) {
        this.collections = collections;
        this.documents = documents;
    }

    @GetMapping("/documents")
    String page(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("user", user);
        model.addAttribute("collections", collections.list(null, Page.MAX_LIMIT).items());
        model.addAttribute("documents", documents.list(null, null, Page.MAX_LIMIT).items());
        model.addAttribute("canUpload", user.role().administers() || user.role() == io.verbatim.identity.Role.MANAGER);
        return "documents";
    }
}
