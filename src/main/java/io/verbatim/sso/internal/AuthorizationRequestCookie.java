package io.verbatim.sso.internal;

import io.verbatim.identity.IdentityProperties;
import io.verbatim.sso.SsoProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a started sign-in (state, nonce, PKCE verifier, where to go afterwards) in a short-lived, encrypted and
 * authenticated cookie instead of a server session, since the web chain is stateless. The cookie is only sent to
 * the callback path, and is SameSite=Lax because the provider's redirect back is a cross-site navigation.
 */
@Component
class AuthorizationRequestCookie implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String NAME = "verbatim_sso";
    /** The request attribute naming the tenant whose sign-in the callback finishes, for auditing a failure. */
    static final String TENANT_ATTRIBUTE = AuthorizationRequestCookie.class.getName() + ".tenant";
    /** The request attribute with the local page the user goes to once signed in. */
    static final String NEXT_ATTRIBUTE = AuthorizationRequestCookie.class.getName() + ".next";
    static final String NEXT = "verbatim_next";

    private final RequestSealer sealer;
    private final JsonMapper json;
    private final SsoProperties properties;
    private final IdentityProperties identity;

    AuthorizationRequestCookie(RequestSealer sealer, JsonMapper json, SsoProperties properties, IdentityProperties identity) {
        this.sealer = sealer;
        this.json = json;
        this.properties = properties;
        this.identity = identity;
    }

    /** What the cookie holds; every value of the request's maps is text for the flow Verbatim starts. */
    record Stored(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
                  Map<String, String> additionalParameters, Map<String, String> attributes, String authorizationRequestUri,
                  Instant expiresAt) {
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String value = read(request);
        if (value == null) {
            return null;
        }
        byte[] plain = sealer.open(value);
        if (plain == null) {
            return null;
        }
        Stored stored = json.readValue(plain, Stored.class);
        if (stored.expiresAt() == null || Instant.now().isAfter(stored.expiresAt())) {
            return null;
        }
        String registration = stored.attributes().get(OAuth2ParameterNames.REGISTRATION_ID);
        // The callback names its tenant in the path; a sign-in started for another tenant does not finish here.
        if (registration == null || !request.getRequestURI().endsWith(SsoSecurityConfiguration.CALLBACK + registration)) {
            return null;
        }
        request.setAttribute(TENANT_ATTRIBUTE, registration);
        request.setAttribute(NEXT_ATTRIBUTE, stored.attributes().get(NEXT));
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(stored.authorizationUri())
                .clientId(stored.clientId())
                .redirectUri(stored.redirectUri())
                .scopes(stored.scopes())
                .state(stored.state())
                .additionalParameters(Map.copyOf(stored.additionalParameters()))
                .attributes(Map.copyOf(stored.attributes()))
                .authorizationRequestUri(stored.authorizationRequestUri())
                .build();
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorizationRequest == null) {
            write(response, "", Duration.ZERO);
            return;
        }
        Stored stored = new Stored(authorizationRequest.getAuthorizationUri(), authorizationRequest.getClientId(),
                authorizationRequest.getRedirectUri(), authorizationRequest.getScopes(), authorizationRequest.getState(),
                text(authorizationRequest.getAdditionalParameters()), text(authorizationRequest.getAttributes()),
                authorizationRequest.getAuthorizationRequestUri(), Instant.now().plus(properties.requestTtl()));
        write(response, sealer.seal(json.writeValueAsBytes(stored)), properties.requestTtl());
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest loaded = loadAuthorizationRequest(request);
        if (read(request) != null) {
            write(response, "", Duration.ZERO); // one use: the state and verifier are spent
        }
        return loaded;
    }

    private static Map<String, String> text(Map<String, Object> values) {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, v) -> text.put(k, String.valueOf(v)));
        return text;
    }

    private static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private void write(HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(NAME, value).httpOnly(true).secure(identity.secureCookie())
                .sameSite("Lax").path(SsoSecurityConfiguration.CALLBACK).maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
