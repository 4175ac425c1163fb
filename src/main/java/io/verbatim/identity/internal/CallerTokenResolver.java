package io.verbatim.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the access token: the Authorization header first, else the web session cookie. API keys
 * ({@code vbk_...}) are left to the API-key filter.
 */
class CallerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String token = header.resolve(request);
        if (token == null && request.getHeader("Authorization") == null && request.getHeader(ApiKeyFilter.HEADER) == null
                && !ignoresSessionCookie(request.getRequestURI())) {
            token = SessionCookie.read(request);
        }
        if (token != null && token.startsWith(ApiKeys.PREFIX)) {
            return null;
        }
        return token;
    }

    /**
     * Sign-in pages and static files are public: a stale session cookie must not turn them into a 401
     * (the sign-in page would redirect to itself), and assets need no database look-up.
     */
    static boolean ignoresSessionCookie(String path) {
        return path.equals("/login") || path.startsWith("/login/") || path.equals("/logout") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/favicon");
    }

    static boolean fromCookie(HttpServletRequest request) {
        return request.getHeader("Authorization") == null && request.getHeader(ApiKeyFilter.HEADER) == null
                && SessionCookie.read(request) != null;
    }
}
