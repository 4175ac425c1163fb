package io.verbatim.sso.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.sso.SsoProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Settings → Single sign-on: the tenant's provider, the redirect URI to register with it; saved through the API. */
@Controller
class SsoSettingsPage {

    private final SsoConfigurations configurations;
    private final SsoProperties properties;

    SsoSettingsPage(SsoConfigurations configurations, SsoProperties properties) {
        this.configurations = configurations;
        this.properties = properties;
    }

    @GetMapping("/settings/sso")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    String page(Model model) {
        CurrentUser user = CurrentUser.require();
        String base = SsoController.base(properties);
        model.addAttribute("user", user);
        model.addAttribute("sso", configurations.find().map(s -> SsoController.view(s, properties)).orElse(null));
        model.addAttribute("redirectUri", base + SsoSecurityConfiguration.CALLBACK + user.tenant().value());
        return "settings/sso";
    }
}
