package io.verbatim.ingest.internal;

import io.verbatim.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Drag-and-drop upload of several recordings or transcripts, each with its progress and pipeline status. */
@Controller
class UploadPage {

    @GetMapping("/upload")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    String page(Model model) {
        model.addAttribute("user", CurrentUser.require());
        return "upload";
    }
}
