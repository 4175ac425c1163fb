package io.verbatim.sso.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Builds the redirect to the provider: Spring's request (state, and a nonce for the {@code openid} scope) plus
 * PKCE, the e-mail the user typed as {@code login_hint}, and the local page to return to.
 */
class StartRequestResolver implements OAuth2AuthorizationRequestResolver {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");
    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();
    private final ClientRegistrationRepository registrations;
    private final DefaultOAuth2AuthorizationRequestResolver delegate;

    StartRequestResolver(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
        delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations, SsoSecurityConfiguration.AUTHORIZE_BASE);
        delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce().andThen(this::customize));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith(SsoSecurityConfiguration.AUTHORIZE)
                || registrations.findByRegistrationId(path.substring(SsoSecurityConfiguration.AUTHORIZE.length())) == null) {
            // No single sign-on for that tenant (any more): the request goes on to a page that says so, not a 500.
            return null;
        }
        CURRENT.set(request);
        try {
            return delegate.resolve(request);
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        if (registrations.findByRegistrationId(clientRegistrationId) == null) {
            return null;
        }
        CURRENT.set(request);
        try {
            return delegate.resolve(request, clientRegistrationId);
        } finally {
            CURRENT.remove();
        }
    }

    private void customize(OAuth2AuthorizationRequest.Builder builder) {
        HttpServletRequest request = CURRENT.get();
        if (request == null) {
            return;
        }
        String next = SsoStartController.safeNext(request.getParameter("next"));
        builder.attributes(attributes -> attributes.put(AuthorizationRequestCookie.NEXT, next));
        String hint = request.getParameter("login_hint");
        if (hint != null && EMAIL.matcher(hint).matches()) {
            builder.additionalParameters(parameters -> parameters.put("login_hint", hint));
        }
    }
}
