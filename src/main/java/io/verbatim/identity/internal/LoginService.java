package io.verbatim.identity.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.AuthMethod;
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
 * each account with that e-mail; the tenant may be named to pick one when several match. A user with
 * an authenticator gets a challenge instead of a session, completed with a code ({@link #completeMfa}).
 */
@Service
class LoginService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final SignIns signIns;
    private final TotpAuthenticators authenticators;
    private final MfaChallenges challenges;
    private final MfaPolicy policy;
    private final Tenants tenants;
    private final Accounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    /** Compared against when no account matches, so an unknown e-mail costs the same time as a known one. */
    private final String dummyHash;

    LoginService(JdbcClient jdbc, PasswordEncoder passwords, LoginThrottle throttle, SignIns signIns,
                 TotpAuthenticators authenticators, MfaChallenges challenges, MfaPolicy policy, Tenants tenants,
                 Accounts accounts, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
        this.signIns = signIns;
        this.authenticators = authenticators;
        this.challenges = challenges;
        this.policy = policy;
        this.tenants = tenants;
        this.accounts = accounts;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.dummyHash = passwords.encode("no account has this password");
    }

    record Candidate(TenantId tenantId, UUID userId, String passwordHash, boolean userActive, boolean tenantActive) {
    }

    /** What a right password leads to: a session, or the second step. */
    sealed interface Outcome permits SignedIn, SecondStep {
    }

    /** @param mfaEnrolmentRequired the tenant requires a second factor of this user, who has none yet */
    record SignedIn(SignIns.Started session, AccountRecord account, Tenant tenant, boolean mfaEnrolmentRequired)
            implements Outcome {
    }

    record SecondStep(String challenge, long expiresIn) implements Outcome {
    }

    Outcome login(String email, String password, String tenantHint, String userAgent, String ip) {
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
        if (TenantContext.callAs(who.tenantId(), () -> authenticators.enrolled(who.userId()))) {
            audit.recordFor(who.tenantId(), "user", who.userId().toString(), email, "auth.mfa_challenged", Map.of());
            return new SecondStep(challenges.issue(who.tenantId(), who.userId()), challenges.ttlSeconds());
        }
        return finish(tenant, who.userId(), List.of(Factor.PASSWORD), userAgent, ip);
    }

    /** The second step: the challenge from {@link #login} and a code (authenticator or recovery code). */
    SignedIn completeMfa(String challenge, String code, String userAgent, String ip) {
        MfaChallenges.Pending pending = challenges.attempt(challenge).orElse(null);
        if (pending == null) {
            throttle.recordFailure("mfa-challenge", ip);
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-challenge", "Sign-in expired",
                    "This sign-in has expired or had too many tries; enter your password again");
        }
        Tenant tenant = tenants.get(pending.tenant());
        AccountRecord account = TenantContext.callAs(pending.tenant(),
                () -> transaction.execute(tx -> accounts.byId(pending.tenant(), pending.userId()))).orElseThrow();
        if (!account.active() || !tenant.active()) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "account-disabled", "Sign-in failed",
                    "This account or its organisation has been deactivated");
        }
        authenticators.verify(pending.tenant(), pending.userId(), account.email(), code, ip);
        if (!challenges.spend(pending)) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-challenge", "Sign-in expired",
                    "This sign-in was already completed; enter your password again");
        }
        return finish(tenant, account.id(), List.of(Factor.PASSWORD, Factor.TOTP), userAgent, ip);
    }

    private SignedIn finish(Tenant tenant, UUID userId, List<Factor> factors, String userAgent, String ip) {
        record Loaded(AccountRecord account, boolean enrolmentRequired) {
        }
        Loaded loaded = TenantContext.callAs(tenant.id(), () -> transaction.execute(tx -> {
            jdbc.sql("UPDATE users SET last_login_at = now() WHERE tenant_id = ? AND id = ?")
                    .params(tenant.id().value(), userId).update();
            AccountRecord account = accounts.byId(tenant.id(), userId).orElseThrow();
            return new Loaded(account, !factors.contains(Factor.TOTP) && policy.requires(account.role()));
        }));
        SignIns.Started session = signIns.start(loaded.account(), tenant, AuthMethod.PASSWORD, factors, userAgent, ip);
        return new SignedIn(session, loaded.account(), tenant, loaded.enrolmentRequired());
    }
}
