package io.verbatim.identity.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.AuthMethod;
import io.verbatim.identity.IdentityProperties;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a sign-in becomes a session: password (with or without TOTP), and single sign-on. A
 * session gets a short-lived access token and a refresh token; each refresh spends the refresh token
 * and issues the next one of the session's family, and presenting a spent one revokes the session.
 */
@Service
class SignIns {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);
    private static final String REFRESH_FAILURES = "refresh-token";
    private final JdbcClient jdbc;
    private final Sessions sessions;
    private final AccessTokens tokens;
    private final Accounts accounts;
    private final Tenants tenants;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final IdentityProperties properties;
    private final TransactionTemplate transaction;

    SignIns(JdbcClient jdbc, Sessions sessions, AccessTokens tokens, Accounts accounts, Tenants tenants, AuditLog audit,
            LoginThrottle throttle, IdentityProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.tokens = tokens;
        this.accounts = accounts;
        this.tenants = tenants;
        this.audit = audit;
        this.throttle = throttle;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A started (or refreshed) session: what a client needs to call the API and to renew its access. */
    record Started(UUID sessionId, AccessTokens.Issued access, String refreshToken, long refreshExpiresIn) {
    }

    /** Starts a session for a sign-in proven by {@code method} alone (a password; an SSO login). Audited as {@code auth.login}. */
    Started start(AccountRecord account, Tenant tenant, AuthMethod method, String userAgent, String ip) {
        return start(account, tenant, method, List.of(method == AuthMethod.SSO || method == AuthMethod.OIDC ? Factor.SSO : Factor.PASSWORD), userAgent, ip);
    }

    /** Starts a session proven by these factors (password and TOTP). Audited as {@code auth.login}. */
    Started start(AccountRecord account, Tenant tenant, AuthMethod method, List<Factor> factors, String userAgent, String ip) {
        Instant now = Instant.now();
        Instant expires = now.plus(properties.session().maxAge());
        Started started = TenantContext.callAs(tenant.id(), () -> transaction.execute(tx -> {
            UUID id = sessions.create(account.id(), method.wire(), factors, userAgent, ip, expires);
            return issue(account, tenant, new AccessTokens.SessionClaims(id, factors, now), expires);
        }));
        audit.recordFor(tenant.id(), "user", account.id().toString(), account.email(), "auth.login",
                Map.of("session_id", started.sessionId().toString(), "method", method.wire(), "factors", Factor.amr(factors)));
        return started;
    }

    /**
     * Spends a refresh token for a new access token and the next refresh token. Unknown tokens count
     * against the caller's address; a spent one revokes its whole session (a copy is in other hands).
     */
    Started refresh(String refreshToken, String ip) {
        if (throttle.tooMany(REFRESH_FAILURES, ip, properties.throttle().maxFailuresPerIp(), properties.throttle().window())) {
            audit.recordFor(new TenantId(properties.operatorTenant()), "anonymous", null, null, "auth.refresh_throttled",
                    Map.of("ip", String.valueOf(ip)));
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "refresh-throttled", "Too many attempts",
                    "Too many invalid refresh tokens from this address; try again later",
                    Map.of("retry_after_seconds", properties.throttle().window().toSeconds()));
        }
        Optional<TokenOwner> owner = OpaqueTokens.plausible(refreshToken, OpaqueTokens.REFRESH_PREFIX)
                ? jdbc.sql("SELECT * FROM auth_find_refresh_token(?)").param(OpaqueTokens.hash(refreshToken))
                .query((rs, n) -> new TokenOwner(new TenantId(rs.getString("tenant_id")), rs.getObject("session_id", UUID.class)))
                .optional()
                : Optional.empty();
        if (owner.isEmpty()) {
            throttle.recordFailure(REFRESH_FAILURES, ip);
            log.info("Refused an unknown refresh token from {}", ip);
            throw invalid("The refresh token is not valid");
        }
        TenantId tenant = owner.get().tenant();
        Outcome outcome = TenantContext.callAs(tenant, () -> transaction.execute(tx -> rotate(tenant, owner.get().sessionId(),
                OpaqueTokens.hash(refreshToken))));
        if (outcome.reused() != null) {
            Sessions.Session s = outcome.reused();
            audit.recordFor(tenant, "user", s.userId().toString(), null, "auth.refresh_reused",
                    Map.of("session_id", s.id().toString(), "ip", String.valueOf(ip)));
            log.warn("A spent refresh token of session {} was presented again; the session is revoked", s.id());
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "refresh-token-reused", "Session revoked",
                    "This refresh token was already used; the session has been revoked. Sign in again.");
        }
        if (outcome.started() == null) {
            throw invalid("The session has ended; sign in again");
        }
        return outcome.started();
    }

    /** Issues fresh tokens for a session whose factors changed (TOTP confirmed during enrolment); its older refresh tokens stop working. */
    Started reissue(TenantId tenant, UUID sessionId) {
        return TenantContext.callAs(tenant, () -> transaction.execute(tx -> {
            Sessions.Session session = sessions.find(sessionId).filter(s -> !s.ended())
                    .orElseThrow(() -> invalid("The session has ended; sign in again"));
            jdbc.sql("UPDATE auth_refresh_tokens SET spent_at = now() WHERE tenant_id = ? AND session_id = ? AND spent_at IS NULL")
                    .params(tenant.value(), sessionId).update();
            AccountRecord account = accounts.byId(tenant, session.userId()).orElseThrow();
            return issue(account, tenants.get(tenant),
                    new AccessTokens.SessionClaims(sessionId, session.factors(), session.createdAt()), session.expiresAt());
        }));
    }

    private record TokenOwner(TenantId tenant, UUID sessionId) {
    }

    private record Outcome(Started started, Sessions.Session reused) {
    }

    private Outcome rotate(TenantId tenant, UUID sessionId, String hash) {
        Sessions.Session session = sessions.find(sessionId).orElse(null);
        if (session == null) {
            return new Outcome(null, null);
        }
        int spent = jdbc.sql("""
                UPDATE auth_refresh_tokens SET spent_at = now()
                WHERE tenant_id = ? AND token_hash = ? AND spent_at IS NULL AND expires_at > now()""")
                .params(tenant.value(), hash).update();
        if (spent == 0) {
            boolean wasSpent = jdbc.sql("SELECT spent_at IS NOT NULL FROM auth_refresh_tokens WHERE tenant_id = ? AND token_hash = ?")
                    .params(tenant.value(), hash).query(Boolean.class).single();
            if (wasSpent && session.revokedAt() == null) {
                sessions.revoke(session.userId(), sessionId, "refresh_token_reused");
                return new Outcome(null, session);
            }
            return new Outcome(null, null);
        }
        Tenant owner = tenants.get(tenant);
        AccountRecord account = accounts.byId(tenant, session.userId()).orElse(null);
        if (session.ended() || account == null || !account.active() || !owner.active()) {
            return new Outcome(null, null);
        }
        jdbc.sql("UPDATE auth_sessions SET last_seen_at = now() WHERE tenant_id = ? AND id = ?")
                .params(tenant.value(), sessionId).update();
        return new Outcome(issue(account, owner, new AccessTokens.SessionClaims(sessionId, session.factors(), session.createdAt()),
                session.expiresAt()), null);
    }

    /** Inside the tenant's transaction: an access token and a new refresh token for the session. */
    private Started issue(AccountRecord account, Tenant tenant, AccessTokens.SessionClaims claims, Instant sessionExpires) {
        Instant refreshExpires = Instant.now().plus(properties.session().idleTimeout());
        if (refreshExpires.isAfter(sessionExpires)) {
            refreshExpires = sessionExpires;
        }
        String refresh = OpaqueTokens.create(OpaqueTokens.REFRESH_PREFIX);
        jdbc.sql("INSERT INTO auth_refresh_tokens (token_hash, tenant_id, session_id, expires_at) VALUES (?, ?, ?, ?)")
                .params(OpaqueTokens.hash(refresh), tenant.id().value(), claims.sessionId(), java.sql.Timestamp.from(refreshExpires))
                .update();
        return new Started(claims.sessionId(), tokens.issue(account, tenant.name(), claims), refresh,
                Math.max(0, refreshExpires.getEpochSecond() - Instant.now().getEpochSecond()));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Refresh failed", detail);
    }
}
