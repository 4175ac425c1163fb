package io.verbatim.identity.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.tenancy.Tenants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One stateless chain for the API and the pages: a caller is a Verbatim token (header or session
 * cookie), an external OIDC token, or an API key; the tenant is then bound from that caller only. Where
 * the tenant requires a second factor, every path but enrolment also requires the TOTP factor.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No Spring Security observations: they wrap every filter of every request in a Micrometer observation (the
     * upload's profile showed them at about a tenth of its request-thread CPU) and nothing reads them; the
     * {@code http.server.requests} metrics come from MVC's own observation filter and stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Inbound provider webhooks ({@code POST /api/v1/webhooks/{tenant}/...}): Twilio, Vapi, Retell, CallRail and
     * generic senders cannot present a Verbatim token, so this chain authenticates nobody and binds no
     * tenant; the webhooks module verifies each request's signature with the stored secret of the tenant
     * named in the path, and answers 401 (storing nothing) when it does not verify. Only these POST paths
     * are open; everything else goes through the chain below.
     */
    @Bean
    @Order(1)
    SecurityFilterChain inboundWebhookChain(HttpSecurity http) throws Exception {
        http.securityMatcher(request -> "POST".equals(request.getMethod())
                        && request.getRequestURI().matches("/api/v1/webhooks/[^/]+/(twilio|twilio-messages|twilio-sms|vapi|retell|callrail|generic/[^/]+)"))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenAuthentication tokens, ApiKeys apiKeys,
                                           CallerEntryPoint entryPoint, Tenants tenants, AuditLog audit,
                                           ProblemWriter problems) throws Exception {
        // Filters are built here, not declared as beans, so the servlet container does not run them twice.
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/login/**", "/logout", "/api/v1/auth/login", "/api/v1/auth/refresh",
                                "/actuator/health", "/actuator/health/**",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/webjars/**", "/css/**",
                                "/js/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
                        // Shared document links: the link's secret token is the credential (documents module).
                        .requestMatchers(HttpMethod.GET, "/shared/documents/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/mfa").permitAll()
                        // Calendar apps send no bearer token: the feed answers only to its rep's secret (appointments).
                        .requestMatchers(HttpMethod.GET, "/api/v1/reps/*/calendar.ics").permitAll()
                        // Open to a caller who must still enrol a second factor: enrolment itself, and their sessions.
                        .requestMatchers("/api/v1/auth/me", "/api/v1/auth/mfa/totp", "/api/v1/auth/mfa/totp/**",
                                "/api/v1/auth/sessions", "/api/v1/auth/sessions/**", SecurityPage.PATH).authenticated()
                        .anyRequest().access(new MfaPolicyAuthorization()))
                .oauth2ResourceServer(o -> o
                        .authenticationManagerResolver(tokens.resolver())
                        .bearerTokenResolver(new CallerTokenResolver())
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .addFilterBefore(new ApiKeyFilter(apiKeys, entryPoint), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new TenantBindingFilter(tenants, audit, problems), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new SameOriginFilter(problems), ApiKeyFilter.class);
        return http.build();
    }
}
