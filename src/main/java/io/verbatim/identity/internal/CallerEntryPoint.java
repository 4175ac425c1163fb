package io.verbatim.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Unauthenticated: the API answers 401 problem+json, pages redirect to the sign-in page (or, with an
 * expired session cookie, to its renewal). Denied for a missing second factor: 403 {@code mfa-required},
 * pages go to the enrolment page.
 */
@Component
class CallerEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;

    CallerEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (isPage(request)) {
            String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            // A session cookie whose token expired (or was revoked): try renewing it before asking for the password.
            String via = SessionCookie.read(request) != null ? SessionCookie.REFRESH_PATH : "/login";
            response.sendRedirect(via + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "Sign in, or send a valid bearer token or API key");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       org.springframework.security.access.AccessDeniedException e) throws IOException {
        if (e instanceof AuthorizationDeniedException denied && denied.getAuthorizationResult() instanceof FactorAuthorizationDecision) {
            // The tenant requires a second factor this session lacks: only enrolment (or signing in with a code) helps.
            if (isPage(request)) {
                response.sendRedirect(SecurityPage.PATH + "?required");
                return;
            }
            problems.write(response, HttpStatus.FORBIDDEN, "mfa-required", "Two-step sign-in required",
                    "Your organisation requires two-step sign-in: enrol an authenticator (POST /api/v1/auth/mfa/totp), "
                            + "or sign in again with your code");
            return;
        }
        problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this");
    }

    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/");
    }
}
