package io.verbatim.identity.internal;

import io.verbatim.identity.IdentityProperties;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The half-way state of a sign-in whose password was right and whose code is still to come: a random
 * challenge (hash stored) that expires in minutes, allows a few tries, and is spent by the sign-in it completes.
 */
@Component
class MfaChallenges {

    static final int MAX_ATTEMPTS = 5;
    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final TransactionTemplate transaction;

    MfaChallenges(JdbcClient jdbc, IdentityProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Pending(TenantId tenant, UUID userId, String hash) {
    }

    String issue(TenantId tenant, UUID userId) {
        String challenge = OpaqueTokens.create(OpaqueTokens.CHALLENGE_PREFIX);
        TenantContext.runAs(tenant, () -> transaction.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM mfa_challenges WHERE tenant_id = ? AND expires_at < now() - interval '1 day'")
                    .param(tenant.value()).update();
            jdbc.sql("INSERT INTO mfa_challenges (challenge_hash, tenant_id, user_id, expires_at) VALUES (?, ?, ?, ?)")
                    .params(OpaqueTokens.hash(challenge), tenant.value(), userId,
                            Timestamp.from(Instant.now().plus(properties.mfa().challengeTtl()))).update();
        }));
        return challenge;
    }

    long ttlSeconds() {
        return properties.mfa().challengeTtl().toSeconds();
    }

    /** Takes one attempt of the challenge; empty when it is unknown, expired, spent or out of attempts. */
    Optional<Pending> attempt(String challenge) {
        if (!OpaqueTokens.plausible(challenge, OpaqueTokens.CHALLENGE_PREFIX)) {
            return Optional.empty();
        }
        String hash = OpaqueTokens.hash(challenge);
        return jdbc.sql("SELECT * FROM auth_find_mfa_challenge(?)").param(hash)
                .query((rs, n) -> new Pending(new TenantId(rs.getString("tenant_id")), rs.getObject("user_id", UUID.class), hash))
                .optional()
                .filter(p -> TenantContext.callAs(p.tenant(), () -> transaction.execute(tx -> jdbc.sql("""
                        UPDATE mfa_challenges SET attempts = attempts + 1
                        WHERE tenant_id = ? AND challenge_hash = ? AND used_at IS NULL AND expires_at > now() AND attempts < ?""")
                        .params(p.tenant().value(), hash, MAX_ATTEMPTS).update() == 1)));
    }

    /** Spends the challenge; false when another request spent it first. */
    boolean spend(Pending pending) {
        return TenantContext.callAs(pending.tenant(), () -> transaction.execute(tx -> jdbc.sql("""
                UPDATE mfa_challenges SET used_at = now() WHERE tenant_id = ? AND challenge_hash = ? AND used_at IS NULL""")
                .params(pending.tenant().value(), pending.hash()).update() == 1));
    }
}
