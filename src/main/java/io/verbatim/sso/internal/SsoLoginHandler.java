package io.verbatim.sso.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.AuthMethod;
import io.verbatim.identity.WebSignIn;
import io.verbatim.tenancy.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Finishes a single sign-on: the provider has proven who the user is, now the tenant's account decides whether
 * they get in. Either way it is audited ({@code auth.sso_login} / {@code auth.sso_failed}) in that tenant's log.
 */
@Component
class SsoLoginHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SsoLoginHandler.class);
    private final SsoAccounts accounts;
    private final WebSignIn webSignIn;
    private final AuditLog audit;

    SsoLoginHandler(SsoAccounts accounts, WebSignIn webSignIn, AuditLog audit) {
        this.accounts = accounts;
        this.webSignIn = webSignIn;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        // The provider's identity is not a Verbatim caller: nothing of it stays on this request.
        SecurityContextHolder.clearContext();
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OidcUser oidc = (OidcUser) token.getPrincipal();
        TenantId tenant = new TenantId(token.getAuthorizedClientRegistrationId());
        SsoAccounts.Outcome outcome = accounts.match(tenant, oidc);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("issuer", String.valueOf(oidc.getIssuer()));
        detail.put("subject", oidc.getSubject());
        if (!outcome.signedIn()) {
            detail.put("reason", outcome.reason());
            audit.recordFor(tenant, "user", null, outcome.email(), "auth.sso_failed", detail);
            response.sendRedirect("/login?sso_error=" + outcome.reason());
            return;
        }
        detail.put("created", outcome.created());
        audit.recordFor(tenant, "user", outcome.userId().toString(), outcome.email(), "auth.sso_login", detail);
        webSignIn.signIn(tenant, outcome.userId(), AuthMethod.SSO, request, response);
        String next = SsoStartController.safeNext((String) request.getAttribute(AuthorizationRequestCookie.NEXT_ATTRIBUTE));
        continuePage(response, next);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String code = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "authentication_failed";
        Object tenant = request.getAttribute(AuthorizationRequestCookie.TENANT_ATTRIBUTE);
        log.info("Single sign-on failed for tenant {}: {}", tenant, code);
        if (tenant instanceof String id && TenantId.isValid(id)) {
            audit.recordFor(new TenantId(id), "user", null, null, "auth.sso_failed", Map.of("reason", code));
        }
        response.sendRedirect("/login?sso_error=" + ("authorization_request_not_found".equals(code) ? "expired" : "failed"));
    }

    /**
     * The session cookie is SameSite=Strict and this response ends a navigation that began at the provider, so a
     * plain redirect would arrive without it; a page of ours that moves on makes the next request same-site.
     */
    private static void continuePage(HttpServletResponse response, String next) throws IOException {
        String url = HtmlUtils.htmlEscape(next);
        response.setStatus(200);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = ("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=%s">
                <title>Signed in · Verbatim</title><link rel="stylesheet" href="/css/verbatim.css"></head>
                <body class="auth"><main class="auth-card" id="sso-signed-in"><h1 class="brand">Verbatim</h1>
                <p>Signed in. <a href="%s">Continue</a></p></main></body></html>
                """).formatted(url, url).getBytes(StandardCharsets.UTF_8);
        response.getOutputStream().write(body);
    }
}
