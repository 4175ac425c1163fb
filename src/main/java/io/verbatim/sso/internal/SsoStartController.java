package io.verbatim.sso.internal;

import io.verbatim.tenancy.TenantId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Sign in with single sign-on": the visitor names their organisation (its id) or types their work e-mail (its
 * domain routes to the tenant), and is sent on to that tenant's provider. Nothing says whether a tenant exists.
 */
@Controller
class SsoStartController {

    private final SsoSettingsStore store;

    SsoStartController(SsoSettingsStore store) {
        this.store = store;
    }

    @PostMapping(SsoSecurityConfiguration.START)
    String start(@RequestParam(defaultValue = "") String organisation, @RequestParam(required = false) String next) {
        String given = organisation.strip();
        if (given.isEmpty() || given.length() > 320) {
            return "redirect:/login?sso_error=not_configured";
        }
        boolean email = given.contains("@");
        Optional<TenantId> tenant = email ? store.findTenant(null, SsoSettings.domainOf(given)) : store.findTenant(given, null);
        if (tenant.isEmpty()) {
            return "redirect:/login?sso_error=not_configured";
        }
        StringBuilder target = new StringBuilder(SsoSecurityConfiguration.AUTHORIZE).append(tenant.get().value())
                .append("?next=").append(encode(safeNext(next)));
        if (email) {
            target.append("&login_hint=").append(encode(given));
        }
        return "redirect:" + target;
    }

    /** Reached only when the tenant in the path has no single sign-on (the chain redirects the others to their provider). */
    @GetMapping(SsoSecurityConfiguration.AUTHORIZE + "{tenant}")
    String notConfigured() {
        return "redirect:/login?sso_error=not_configured";
    }

    /** Only local paths: a sign-in link must not bounce the user to another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.startsWith("/login")
                || next.startsWith("/sso") || next.startsWith("/oauth2")) {
            return "/";
        }
        return next;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
