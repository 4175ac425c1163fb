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
        if (token == null && request.getHeader("Authorization") == null && request.getHeader(ApiKeyFilter.HEADER) == null) {
            token = SessionCookie.read(request);
        }
        if (token != null && token.startsWith(ApiKeys.PREFIX)) {
            return null;
        }
        return token;
    }

    static boolean fromCookie(HttpServletRequest request) {
        return request.getHeader("Authorization") == null && request.getHeader(ApiKeyFilter.HEADER) == null
                && SessionCookie.read(request) != null;
    }
}
