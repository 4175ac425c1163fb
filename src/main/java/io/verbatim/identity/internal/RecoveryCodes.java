package io.verbatim.identity.internal;

import io.verbatim.tenancy.TenantContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ten one-time codes that stand in for the authenticator. Each has 80 random bits (16 Base32 letters,
 * shown as four groups), so a SHA-256 of user and code is safe to store; the codes are shown once.
 */
@Repository
class RecoveryCodes {

    static final int COUNT = 10;
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    RecoveryCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the user's codes with ten new ones and returns them (the only time they are readable). */
    @Transactional
    List<String> replace(UUID userId) {
        jdbc.sql("DELETE FROM mfa_recovery_codes WHERE tenant_id = ? AND user_id = ?").params(tenant(), userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String code = newCode();
            codes.add(code);
            jdbc.sql("INSERT INTO mfa_recovery_codes (tenant_id, user_id, code_hash) VALUES (?, ?, ?)")
                    .params(tenant(), userId, hash(userId, code)).update();
        }
        return codes;
    }

    /** Spends the code if it is one of the user's unused ones. */
    @Transactional
    boolean spend(UUID userId, String presented) {
        String code = normalise(presented);
        if (code == null) {
            return false;
        }
        return jdbc.sql("""
                UPDATE mfa_recovery_codes SET used_at = now()
                WHERE tenant_id = ? AND user_id = ? AND code_hash = ? AND used_at IS NULL""")
                .params(tenant(), userId, hash(userId, code)).update() == 1;
    }

    @Transactional(readOnly = true)
    int remaining(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM mfa_recovery_codes WHERE tenant_id = ? AND user_id = ? AND used_at IS NULL")
                .params(tenant(), userId).query(Integer.class).single();
    }

    @Transactional
    void deleteAll(UUID userId) {
        jdbc.sql("DELETE FROM mfa_recovery_codes WHERE tenant_id = ? AND user_id = ?").params(tenant(), userId).update();
    }

    /** Whether the text is shaped like a recovery code (as typed: any case, with or without dashes and spaces). */
    static boolean looksLikeOne(String presented) {
        return normalise(presented) != null;
    }

    private static String normalise(String presented) {
        if (presented == null) {
            return null;
        }
        String code = presented.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.matches("[A-Z2-9]{16}") ? code : null;
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    private static String hash(UUID userId, String code) {
        return ApiKeys.hash(userId + ":" + normalise(code));
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
