package io.verbatim.identity.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.IdentityProperties;
import io.verbatim.identity.SecretSealer;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users' TOTP authenticators: enrolment (QR code, confirmation with a code, recovery codes), checking
 * codes at sign-in, and disabling. Seeds are sealed under the tenant's data key and never leave after
 * enrolment; a code is accepted once (its step must be newer than the last accepted one); wrong codes
 * count per user and, past the limit, every code is refused for a while. All of it is audited.
 */
@Service
class TotpAuthenticators {

    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final RecoveryCodes recoveryCodes;
    private final LoginThrottle throttle;
    private final MfaPolicy policy;
    private final AuditLog audit;
    private final IdentityProperties properties;
    private final TransactionTemplate transaction;

    TotpAuthenticators(JdbcClient jdbc, SecretSealer sealer, RecoveryCodes recoveryCodes, LoginThrottle throttle,
                       MfaPolicy policy, AuditLog audit, IdentityProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.recoveryCodes = recoveryCodes;
        this.throttle = throttle;
        this.policy = policy;
        this.audit = audit;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Enrolment(String otpauthUri, String qrSvg) {
    }

    record Status(boolean enrolled, boolean pending, Instant enrolledAt, int recoveryCodesLeft, MfaPolicy.Requirement policy,
                  boolean required) {
    }

    private record Row(String sealedSecret, Instant confirmedAt, Long lastStep) {
    }

    /** Starts (or restarts) enrolment with a new seed; an enrolled user must disable first. */
    Enrolment begin(CurrentUser user) {
        UUID id = requireUser(user);
        byte[] secret = Totp.newSecret();
        int written = inHomeTenant(user, () -> jdbc.sql("""
                INSERT INTO mfa_totp (tenant_id, user_id, sealed_secret) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, user_id) DO UPDATE
                    SET sealed_secret = EXCLUDED.sealed_secret, created_at = now(), last_step = NULL
                    WHERE mfa_totp.confirmed_at IS NULL""")
                .params(user.homeTenant().value(), id, sealer.seal(context(id), secret)).update());
        if (written == 0) {
            throw ProblemException.conflict("mfa-already-enrolled",
                    "Two-step sign-in is already on; disable it with a code first to enrol another authenticator");
        }
        audit.recordFor(user.homeTenant(), "user", id.toString(), user.email(), "mfa.enrolment_started", Map.of());
        String uri = Totp.uri(secret, properties.mfa().issuer(), user.email() == null ? id.toString() : user.email());
        return new Enrolment(uri, QrSvg.of(uri));
    }

    /** Confirms a pending enrolment with a code from the app; returns the ten recovery codes (shown this once). */
    List<String> confirm(CurrentUser user, String code, String ip) {
        UUID id = requireUser(user);
        Row row = inHomeTenant(user, () -> row(id));
        if (row == null || row.confirmedAt() != null) {
            throw ProblemException.conflict("no-pending-enrolment", "Start enrolment first (POST /api/v1/auth/mfa/totp)");
        }
        verify(user.homeTenant(), id, user.email(), code, ip);
        List<String> codes = inHomeTenant(user, () -> {
            jdbc.sql("UPDATE mfa_totp SET confirmed_at = now() WHERE tenant_id = ? AND user_id = ?")
                    .params(user.homeTenant().value(), id).update();
            return recoveryCodes.replace(id);
        });
        audit.recordFor(user.homeTenant(), "user", id.toString(), user.email(), "mfa.enrolled", Map.of());
        return codes;
    }

    /** Turns two-step sign-in off, proven by a current code or a recovery code; refused while the tenant requires it. */
    void disable(CurrentUser user, String code, String ip) {
        UUID id = requireUser(user);
        Row row = inHomeTenant(user, () -> row(id));
        if (row == null || row.confirmedAt() == null) {
            throw ProblemException.conflict("mfa-not-enrolled", "Two-step sign-in is not on");
        }
        if (inHomeTenant(user, () -> policy.requires(user.role()))) {
            throw ProblemException.conflict("mfa-required-by-policy", "Your organisation requires two-step sign-in for your role");
        }
        verify(user.homeTenant(), id, user.email(), code, ip);
        inHomeTenant(user, () -> remove(id));
        audit.recordFor(user.homeTenant(), "user", id.toString(), user.email(), "mfa.disabled", Map.of());
    }

    /** An admin removes a user's authenticator (a lost phone); the user signs in with the password and enrols again. */
    void reset(UUID userId) {
        boolean removed = transaction.execute(tx -> remove(userId));
        if (!removed) {
            throw ProblemException.notFound("Two-step sign-in of user " + userId);
        }
        audit.record("mfa.reset", "user", userId.toString(), Map.of());
    }

    Status status(CurrentUser user) {
        UUID id = requireUser(user);
        return inHomeTenant(user, () -> {
            Row row = row(id);
            boolean enrolled = row != null && row.confirmedAt() != null;
            MfaPolicy.Requirement requirement = policy.current();
            return new Status(enrolled, row != null && !enrolled, enrolled ? row.confirmedAt() : null,
                    enrolled ? recoveryCodes.remaining(id) : 0, requirement, requirement.appliesTo(user.role()));
        });
    }

    /** Whether the user has a confirmed authenticator (the tenant must be bound). */
    boolean enrolled(UUID userId) {
        return transaction.execute(tx -> {
            Row row = row(userId);
            return row != null && row.confirmedAt() != null;
        });
    }

    /**
     * Checks a code (authenticator or recovery) for the user of {@code tenant}, or throws: 401
     * {@code invalid-code}, 429 {@code mfa-throttled}. Failures are counted and audited.
     */
    void verify(TenantId tenant, UUID userId, String email, String code, String ip) {
        String key = "totp:" + tenant.value() + ":" + userId;
        IdentityProperties.Mfa limits = properties.mfa();
        if (throttle.tooMany(key, null, limits.maxFailures(), limits.window())) {
            audit.recordFor(tenant, "user", userId.toString(), email, "mfa.throttled", Map.of());
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "mfa-throttled", "Too many codes",
                    "Too many wrong codes; try again in " + limits.window().toMinutes() + " minutes",
                    Map.of("retry_after_seconds", limits.window().toSeconds()));
        }
        String used = TenantContext.callAs(tenant, () -> transaction.execute(tx -> accept(tenant, userId, code)));
        if (used == null) {
            throttle.recordFailure(key, ip);
            audit.recordFor(tenant, "user", userId.toString(), email, "mfa.failed", Map.of());
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-code", "Wrong code",
                    "The code is not right, or was already used");
        }
        throttle.clear(key);
        if ("recovery_code".equals(used)) {
            audit.recordFor(tenant, "user", userId.toString(), email, "mfa.recovery_code_used", Map.of());
        }
    }

    /** Inside the tenant's transaction: which kind of code was accepted, or null. */
    private String accept(TenantId tenant, UUID userId, String presented) {
        Row row = jdbc.sql("SELECT sealed_secret, confirmed_at, last_step FROM mfa_totp WHERE tenant_id = ? AND user_id = ? FOR UPDATE")
                .params(tenant.value(), userId).query(TotpAuthenticators::map).optional().orElse(null);
        if (row == null || presented == null) {
            return null;
        }
        String code = presented.strip();
        if (row.confirmedAt() != null && RecoveryCodes.looksLikeOne(code)) {
            return recoveryCodes.spend(userId, code) ? "recovery_code" : null;
        }
        OptionalLong step = new Totp(sealer.open(context(userId), row.sealedSecret())).matchingStep(code.replace(" ", ""), Instant.now());
        if (step.isEmpty() || (row.lastStep() != null && step.getAsLong() <= row.lastStep())) {
            return null;
        }
        jdbc.sql("UPDATE mfa_totp SET last_step = ? WHERE tenant_id = ? AND user_id = ?")
                .params(step.getAsLong(), tenant.value(), userId).update();
        return "totp";
    }

    private boolean remove(UUID userId) {
        recoveryCodes.deleteAll(userId);
        return jdbc.sql("DELETE FROM mfa_totp WHERE tenant_id = ? AND user_id = ?")
                .params(TenantContext.require().value(), userId).update() > 0;
    }

    private Row row(UUID userId) {
        return jdbc.sql("SELECT sealed_secret, confirmed_at, last_step FROM mfa_totp WHERE tenant_id = ? AND user_id = ?")
                .params(TenantContext.require().value(), userId).query(TotpAuthenticators::map).optional().orElse(null);
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long step = rs.getLong("last_step");
        return new Row(rs.getString("sealed_secret"), AccountRecord.instant(rs.getTimestamp("confirmed_at")),
                rs.wasNull() ? null : step);
    }

    /** The user's own rows live in their home tenant, also while a platform admin acts in another one. */
    private <T> T inHomeTenant(CurrentUser user, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(user.homeTenant(), () -> transaction.execute(tx -> work.get()));
    }

    private static UUID requireUser(CurrentUser user) {
        if (user.userId() == null) {
            throw ProblemException.forbidden("Two-step sign-in belongs to users, not API keys");
        }
        return user.userId();
    }

    private static String context(UUID userId) {
        return "totp:" + userId;
    }
}
