package io.verbatim.tenancy;

import io.verbatim.platform.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's settings, a flat object of known keys. Each module reads its own keys
 * ({@code speech_engine} by the pipeline, {@code language} as the default for conversations that name none).
 */
@Service
public class TenantSettings {

    /** The keys a tenant may set; unknown keys are refused so typos do not silently do nothing. */
    public static final Set<String> KEYS = Set.of("speech_engine", "language", "redact_pii", "retention_days", "phone_region");
    /**
     * Keys another module owns and changes through its own audited API, never the generic update:
     * {@code mfa_required} (identity, {@code PUT /api/v1/auth/mfa/policy}).
     */
    public static final Set<String> OWNED_KEYS = Set.of("mfa_required");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public TenantSettings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> all() {
        return jdbc.sql("SELECT settings::text FROM tenant_settings WHERE tenant_id = ?").param(TenantContext.require().value())
                .query(String.class).optional().map(s -> json.readValue(s, MAP)).orElseGet(LinkedHashMap::new);
    }

    /** Transactional itself: a call from inside this class would bypass the proxy and read with no tenant set. */
    @Transactional(readOnly = true)
    public String text(String key) {
        Object value = all().get(key);
        return value == null ? null : value.toString();
    }

    /** Merges {@code changes} into the settings; a null value removes the key. */
    @Transactional
    public Map<String, Object> update(Map<String, Object> changes) {
        for (String key : changes.keySet()) {
            if (OWNED_KEYS.contains(key)) {
                throw ProblemException.badRequest("setting-owned-elsewhere", "'" + key + "' has its own API; see docs/api.md");
            }
            if (!KEYS.contains(key)) {
                throw ProblemException.badRequest("unknown-setting", "Unknown setting '" + key + "'; known: " + KEYS);
            }
        }
        return write(changes);
    }

    /** Sets one of the {@link #OWNED_KEYS} for its owning module (which checks and audits the value); null removes it. */
    @Transactional
    public Map<String, Object> putOwned(String key, Object value) {
        if (!OWNED_KEYS.contains(key)) {
            throw new IllegalArgumentException("Not an owned setting: " + key);
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(key, value);
        return write(change);
    }

    private Map<String, Object> write(Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(all());
        changes.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        jdbc.sql("""
                INSERT INTO tenant_settings (tenant_id, settings) VALUES (?, ?::jsonb)
                ON CONFLICT (tenant_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()""")
                .params(TenantContext.require().value(), json.writeValueAsString(merged)).update();
        return merged;
    }
}
