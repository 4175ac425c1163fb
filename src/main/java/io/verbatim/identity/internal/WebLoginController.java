package io.verbatim.identity.internal;

import io.verbatim.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and sign-out for the web UI; the session is the API's own token in a cookie. */
@Controller
class WebLoginController {

    private final LoginService logins;
    private final SessionCookie cookie;

    WebLoginController(LoginService logins, SessionCookie cookie) {
        this.logins = logins;
        this.cookie = cookie;
    }

    /** Why a single sign-on did not sign the user in (codes from the sso module; unknown codes read as a failure). */
    private static final Map<String, String> SSO_ERRORS = Map.of(
            "not_configured", "No single sign-on is set up for that organisation or e-mail domain.",
            "unknown_user", "Your identity provider signed you in, but this organisation has no account for that e-mail. "
                    + "Ask an admin to add you.",
            "user_deactivated", "This account has been deactivated.",
            "tenant_deactivated", "This organisation has been deactivated.",
            "email_missing", "Your identity provider did not share an e-mail address.",
            "email_unverified", "Your identity provider has not verified your e-mail address.",
            "expired", "The single sign-on took too long or was started in another window; please try again.");

    @GetMapping("/login")
    String page(@RequestParam(required = false) String next, @RequestParam(name = "sso_error", required = false) String ssoError,
                Model model) {
        model.addAttribute("next", safeNext(next));
        if (ssoError != null) {
            model.addAttribute("ssoError", SSO_ERRORS.getOrDefault(ssoError, "Single sign-on failed; please try again."));
        }
        return "login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) String tenant, @RequestParam(required = false) String next,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            LoginService.SignedIn signedIn = logins.login(email, password, tenant, request.getRemoteAddr());
            cookie.set(response, signedIn.token().token());
            return "redirect:" + safeNext(next);
        } catch (ProblemException e) {
            response.setStatus(e.status() == HttpStatus.TOO_MANY_REQUESTS ? 429 : 401);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("email", email);
            model.addAttribute("next", safeNext(next));
            model.addAttribute("tenantRequired", "tenant-required".equals(e.type()));
            return "login";
        }
    }

    @PostMapping("/logout")
    String signOut(HttpServletResponse response) {
        cookie.clear(response);
        return "redirect:/login";
    }

    /** Only local paths: a sign-in link must not bounce the user to another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }
}
