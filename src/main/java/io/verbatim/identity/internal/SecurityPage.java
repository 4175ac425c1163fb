package io.verbatim.identity.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Security, for every signed-in user: two-step sign-in (enrol, recovery codes, disable) and
 * their sessions; admins also set the tenant's MFA policy. A shell: changes go through the JSON API
 * from {@code static/js/settings-security.js}.
 */
@Controller
class SecurityPage {

    static final String PATH = "/settings/security";
    private final TotpAuthenticators authenticators;

    SecurityPage(TotpAuthenticators authenticators) {
        this.authenticators = authenticators;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String required, Model model) {
        CurrentUser user = CurrentUser.require();
        if (user.userId() == null) {
            throw ProblemException.forbidden("Two-step sign-in and sessions belong to users");
        }
        TotpAuthenticators.Status status = authenticators.status(user);
        model.addAttribute("user", user);
        model.addAttribute("enrolled", status.enrolled());
        model.addAttribute("enrolledAt", status.enrolledAt() == null ? null
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(status.enrolledAt()));
        model.addAttribute("codesLeft", status.recoveryCodesLeft());
        model.addAttribute("policy", status.policy().wire());
        model.addAttribute("mustEnrol", status.required() && !status.enrolled());
        return "settings/security";
    }
}
