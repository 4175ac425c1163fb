package io.verbatim.identity.internal;

import io.verbatim.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The sign-in pages and sign-out for the web UI. The session is the API's own token in a cookie, renewed
 * with the refresh cookie at {@code /login/refresh}; users with an authenticator pass {@code /login/totp}.
 */
@Controller
class WebLoginController {

    private final LoginService logins;
    private final SignIns signIns;
    private final Sessions sessions;
    private final AccessTokens tokens;
    private final SessionCookie cookie;

    WebLoginController(LoginService logins, SignIns signIns, Sessions sessions, AccessTokens tokens, SessionCookie cookie) {
        this.logins = logins;
        this.signIns = signIns;
        this.sessions = sessions;
        this.tokens = tokens;
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
            LoginService.Outcome outcome = logins.login(email, password, tenant, AuthController.userAgent(request),
                    request.getRemoteAddr());
            if (outcome instanceof LoginService.SecondStep step) {
                cookie.setChallenge(response, step.challenge(), step.expiresIn());
                return "redirect:/login/totp?next=" + URLEncoder.encode(safeNext(next), StandardCharsets.UTF_8);
            }
            LoginService.SignedIn signedIn = (LoginService.SignedIn) outcome;
            cookie.set(response, signedIn.session());
            return "redirect:" + (signedIn.mfaEnrolmentRequired() ? SecurityPage.PATH + "?required" : safeNext(next));
        } catch (ProblemException e) {
            response.setStatus(e.status() == HttpStatus.TOO_MANY_REQUESTS ? 429 : 401);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("email", email);
            model.addAttribute("next", safeNext(next));
            model.addAttribute("tenantRequired", "tenant-required".equals(e.type()));
            return "login";
        }
    }

    @GetMapping("/login/totp")
    String totpPage(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
        if (SessionCookie.read(request, SessionCookie.CHALLENGE) == null) {
            return "redirect:/login";
        }
        model.addAttribute("next", safeNext(next));
        return "login-totp";
    }

    @PostMapping("/login/totp")
    String totp(@RequestParam(defaultValue = "") String code, @RequestParam(required = false) String next,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        String challenge = SessionCookie.read(request, SessionCookie.CHALLENGE);
        try {
            LoginService.SignedIn signedIn = logins.completeMfa(challenge, code, AuthController.userAgent(request),
                    request.getRemoteAddr());
            cookie.clearChallenge(response);
            cookie.set(response, signedIn.session());
            return "redirect:" + safeNext(next);
        } catch (ProblemException e) {
            if ("invalid-challenge".equals(e.type())) {
                cookie.clearChallenge(response);
                response.setStatus(401);
                model.addAttribute("error", e.getMessage());
                model.addAttribute("next", safeNext(next));
                return "login";
            }
            response.setStatus(e.status() == HttpStatus.TOO_MANY_REQUESTS ? 429 : 401);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("next", safeNext(next));
            return "login-totp";
        }
    }

    /** A page request whose access token has expired lands here, renews the session and goes back. */
    @GetMapping(SessionCookie.REFRESH_PATH)
    String refreshAndReturn(@RequestParam(required = false) String next, HttpServletRequest request,
                            HttpServletResponse response) {
        String safe = safeNext(next);
        try {
            cookie.set(response, signIns.refresh(SessionCookie.read(request, SessionCookie.REFRESH), request.getRemoteAddr()));
            return "redirect:" + safe;
        } catch (ProblemException e) {
            cookie.clear(response);
            return "redirect:/login?next=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
        }
    }

    /** The same for a page's script whose API call met an expired token: 204 with new cookies, or the 401 problem. */
    @PostMapping(SessionCookie.REFRESH_PATH)
    @ResponseBody
    ResponseEntity<Void> refresh(HttpServletRequest request, HttpServletResponse response) {
        try {
            cookie.set(response, signIns.refresh(SessionCookie.read(request, SessionCookie.REFRESH), request.getRemoteAddr()));
            return ResponseEntity.noContent().build();
        } catch (ProblemException e) {
            cookie.clear(response);
            throw e;
        }
    }

    /** Signs out: the session is revoked (not just forgotten by this browser) and both cookies cleared. */
    @PostMapping("/logout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        String token = SessionCookie.read(request);
        if (token != null) {
            tokens.sessionOf(token).ifPresent(s -> io.verbatim.tenancy.TenantContext.runAs(s.tenant(),
                    () -> sessions.revoke(s.userId(), s.sessionId(), "signed_out")));
        }
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
