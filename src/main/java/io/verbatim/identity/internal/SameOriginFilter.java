package io.verbatim.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery guard for cookie sessions: besides the SameSite=Strict cookie, a
 * state-changing request that relies on the cookie must come from our own origin. Bearer-token and
 * API-key calls carry no ambient credential and are not affected.
 */
class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private final ProblemWriter problems;

    SameOriginFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && CallerTokenResolver.fromCookie(request) && !sameOrigin(request)) {
            problems.write(response, HttpStatus.FORBIDDEN, "cross-site-request", "Forbidden",
                    "This request did not come from a Verbatim page");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return false;
            }
            origin = referer;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return host != null && host.equalsIgnoreCase(uri.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
