package io.verbatim.credentials.internal;

import io.verbatim.credentials.Credentials;
import io.verbatim.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The settings page: the tenant's credentials with masked fields; add, replace, delete, rotate the key. */
@Controller
class CredentialsPage {

    private final Credentials credentials;

    CredentialsPage(Credentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping("/settings/credentials")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    String page(Model model) {
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("credentials", credentials.list(null, 500).items());
        return "credentials";
    }
}
