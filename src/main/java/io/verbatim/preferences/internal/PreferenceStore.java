package io.verbatim.preferences.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.platform.ProblemException;
import io.verbatim.preferences.Preferences;
import io.verbatim.preferences.UserPreferences;
import io.verbatim.tenancy.TenantContext;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code user_preferences} rows of the current tenant (row-level security keeps other tenants' out). */
@Service
class PreferenceStore implements UserPreferences {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PreferenceStore(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Preferences of(UUID userId) {
        return jdbc.sql("SELECT language, email_notifications FROM user_preferences WHERE user_id = ?").param(userId)
                .query((rs, n) -> new Preferences(rs.getString("language"), strings(rs.getArray("email_notifications"))))
                .optional().orElse(Preferences.DEFAULTS);
    }

    @Transactional
    Preferences save(UUID userId, Preferences p) {
        if (p.language() != null && !Preferences.LANGUAGES.contains(p.language())) {
            throw ProblemException.badRequest("invalid-preferences", "language must be one of " + Preferences.LANGUAGES + " or null");
        }
        List<String> kinds = p.emailNotifications() == null ? List.of() : p.emailNotifications().stream().distinct().toList();
        kinds.stream().filter(k -> !Preferences.EMAIL_KINDS.contains(k)).findFirst().ifPresent(k -> {
            throw ProblemException.badRequest("invalid-preferences", "email_notifications: " + k + " is not one of " + Preferences.EMAIL_KINDS);
        });
        jdbc.sql("""
                INSERT INTO user_preferences (tenant_id, user_id, language, email_notifications) VALUES (?, ?, ?, string_to_array(?, ','))
                ON CONFLICT (tenant_id, user_id) DO UPDATE SET language = EXCLUDED.language,
                    email_notifications = EXCLUDED.email_notifications, updated_at = now()""")
                .params(TenantContext.require().value(), userId, p.language(), String.join(",", kinds)).update();
        audit.record("preferences.updated", "user", userId.toString(),
                Map.of("language", String.valueOf(p.language()), "email_notifications", String.join(",", kinds)));
        return of(userId);
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).filter(s -> !s.isEmpty()).toList();
    }
}
