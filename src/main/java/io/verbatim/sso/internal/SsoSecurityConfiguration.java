package io.verbatim.sso.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The browser's single sign-on paths get a chain of their own, ahead of the platform's: start, redirect to the
 * tenant's provider, and the callback. It is stateless like the rest (the pending sign-in waits in an encrypted
 * cookie) and authenticates nobody as a Verbatim caller; a successful callback only sets the web session.
 */
@Configuration(proxyBeanMethods = false)
class SsoSecurityConfiguration {

    static final String START = "/sso/start";
    static final String AUTHORIZE_BASE = "/oauth2/authorization";
    static final String AUTHORIZE = AUTHORIZE_BASE + "/";
    static final String CALLBACK = "/login/oauth2/code/";

    @Bean
    @Order(2)
    SecurityFilterChain singleSignOnChain(HttpSecurity http, TenantClientRegistrations registrations,
                                          AuthorizationRequestCookie requests, SsoLoginHandler handler) throws Exception {
        var repository = registrations.asRepository();
        http.securityMatcher(START, AUTHORIZE + "*", CALLBACK + "*")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .clientRegistrationRepository(repository)
                        .authorizedClientRepository(new NothingKept())
                        .authorizationEndpoint(a -> a.baseUri(AUTHORIZE_BASE)
                                .authorizationRequestRepository(requests)
                                .authorizationRequestResolver(new StartRequestResolver(repository)))
                        .redirectionEndpoint(r -> r.baseUri(CALLBACK + "*"))
                        .successHandler(handler)
                        .failureHandler(handler));
        return http.build();
    }

    /** The provider's tokens are only needed to learn who signed in; none is kept afterwards. */
    private static final class NothingKept implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String clientRegistrationId, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
        }
    }
}
