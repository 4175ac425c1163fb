package io.verbatim.identity.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password sign-in. An e-mail is unique per tenant, not globally, so the password is checked against
 * each account with that e-mail; the tenant may be named to pick one when several match.
 */
@Service
class LoginService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AccessTokens tokens;
    private final Tenants tenants;
    private final Accounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    /** Compared against when no account matches, so an unknown e-mail costs the same time as a known one. */
    private final String dummyHash;

    LoginService(JdbcClient jdbc, PasswordEncoder passwords, LoginThrottle throttle, AccessTokens tokens, Tenants tenants,
                 Accounts accounts, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
        this.tokens = tokens;
        this.tenants = tenants;
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.dummyHash = passwords.encode("no account has this password");
    }

    record Candidate(TenantId tenantId, UUID userId, String passwordHash, boolean userActive, boolean tenantActive) {
    }

    record SignedIn(AccessTokens.Issued token, AccountRecord account, Tenant tenant) {
    }

    SignedIn login(String email, String password, String tenantHint, String ip) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw ProblemException.badRequest("validation", "email and password are required");
        }
        throttle.check(email, ip);
        List<Candidate> candidates = jdbc.sql("SELECT * FROM auth_find_login(?)").param(email.strip())
                .query((rs, n) -> new Candidate(new TenantId(rs.getString("tenant_id")), rs.getObject("user_id", UUID.class),
                        rs.getString("password_hash"), rs.getBoolean("user_active"), rs.getBoolean("tenant_active")))
                .list()
                .stream()
                .filter(c -> tenantHint == null || tenantHint.isBlank() || c.tenantId().value().equals(tenantHint))
                .toList();
        List<Candidate> matched = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.passwordHash() != null && passwords.matches(password, candidate.passwordHash())) {
                matched.add(candidate);
            }
        }
        if (candidates.isEmpty()) {
            passwords.matches(password, dummyHash);
        }
        if (matched.isEmpty()) {
            throttle.recordFailure(email, ip);
            for (Candidate candidate : candidates) {
                audit.recordFor(candidate.tenantId(), "user", candidate.userId().toString(), email, "auth.login_failed",
                        Map.of("reason", "bad_password"));
            }
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Sign-in failed",
                    "The e-mail or password is not right");
        }
        if (matched.size() > 1) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "tenant-required", "Choose an organisation",
                    "This e-mail has accounts in several organisations; name one in 'tenant'",
                    Map.of("tenants", matched.stream().map(c -> c.tenantId().value()).toList()));
        }
        Candidate who = matched.getFirst();
        if (!who.userActive() || !who.tenantActive()) {
            audit.recordFor(who.tenantId(), "user", who.userId().toString(), email, "auth.login_failed",
                    Map.of("reason", who.tenantActive() ? "user_deactivated" : "tenant_deactivated"));
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "account-disabled", "Sign-in failed",
                    "This account or its organisation has been deactivated");
        }
        throttle.clear(email);
        Tenant tenant = tenants.get(who.tenantId());
        AccountRecord account = TenantContext.callAs(who.tenantId(), () -> transaction.execute(tx -> {
            jdbc.sql("UPDATE users SET last_login_at = now() WHERE tenant_id = ? AND id = ?")
                    .params(who.tenantId().value(), who.userId()).update();
            return accounts.byId(who.tenantId(), who.userId()).orElseThrow();
        }));
        audit.recordFor(who.tenantId(), "user", who.userId().toString(), account.email(), "auth.login", Map.of());
        return new SignedIn(tokens.issue(account, tenant.name()), account, tenant);
    }
}
