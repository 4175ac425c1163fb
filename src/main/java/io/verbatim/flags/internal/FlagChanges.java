package io.verbatim.flags.internal;

import io.verbatim.flags.FlagDefinition;
import io.verbatim.flags.FlagSource;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change to flags, each audited in the same transaction: definitions (platform admins; recorded in the
 * operator's own tenant, since a definition belongs to no tenant) and overrides (recorded in the tenant changed).
 * The evaluation cache is told after the commit.
 */
@Service
class FlagChanges {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final DatabaseFlagSource flags;
    private final CachedFlagSource cache;
    private final AuditLog audit;

    FlagChanges(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, DatabaseFlagSource flags,
                CachedFlagSource cache, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.flags = flags;
        this.cache = cache;
        this.audit = audit;
    }

    /** Creates or replaces a definition; true when it was created. A seeded flag stays seeded. */
    boolean saveDefinition(FlagDefinition definition) {
        FlagDefinition d = definition.validated();
        CurrentUser user = CurrentUser.require();
        return changed(() -> TenantContext.callAs(user.homeTenant(), () -> tx.execute(status -> {
            FlagDefinition before = flags.find(null, d.key()).map(FlagSource.ResolvedFlag::definition).orElse(null);
            if (before != null && !before.type().equals(d.type())) {
                // Tenants' overrides hold values of the old type, in rows this role cannot see all of.
                throw ProblemException.conflict("flag-type-change", "A flag's type cannot change; create a new flag instead");
            }
            jdbc.sql("""
                    INSERT INTO feature_flags (key, description, type, variants, default_variant, state, rollout_percent,
                                               rollout_variant, allow_tenant_override, targeting, updated_by)
                    VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?)
                    ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description, type = EXCLUDED.type,
                        variants = EXCLUDED.variants, default_variant = EXCLUDED.default_variant, state = EXCLUDED.state,
                        rollout_percent = EXCLUDED.rollout_percent, rollout_variant = EXCLUDED.rollout_variant,
                        allow_tenant_override = EXCLUDED.allow_tenant_override, targeting = EXCLUDED.targeting,
                        updated_by = EXCLUDED.updated_by, updated_at = now()""")
                    .params(d.key(), d.description().strip(), d.type(), json.writeValueAsString(d.variants()),
                            d.defaultVariant(), d.state(), d.rolloutPercent(), d.rolloutVariant(), d.allowTenantOverride(),
                            json.writeValueAsString(d.targeting()), user.email())
                    .update();
            Map<String, Object> detail = new HashMap<>();
            detail.put("flag", d.key());
            detail.put("definition", d);
            if (before != null) {
                detail.put("previous", before);
            }
            audit.record(before == null ? "flags.definition_created" : "flags.definition_updated", "feature_flag", d.key(), detail);
            return before == null;
        })));
    }

    void deleteDefinition(String key) {
        CurrentUser user = CurrentUser.require();
        changed(() -> TenantContext.callAs(user.homeTenant(), () -> tx.execute(status -> {
            FlagDefinition before = flags.find(null, key).map(FlagSource.ResolvedFlag::definition)
                    .orElseThrow(() -> ProblemException.notFound("Flag '" + key + "'"));
            if (before.seeded()) {
                throw ProblemException.conflict("flag-seeded", "Flag '" + key + "' gates a feature of this version and cannot "
                        + "be deleted; set its state to disabled or change its default instead");
            }
            jdbc.sql("DELETE FROM feature_flags WHERE key = ?").param(key).update();
            audit.record("flags.definition_deleted", "feature_flag", key, Map.of("flag", key, "previous", before));
            return null;
        })));
    }

    /** Sets the current tenant's value of a flag: tenant admins where the flag allows it, platform admins always. */
    void setOverride(String key, Object value) {
        CurrentUser user = CurrentUser.require();
        TenantId tenant = TenantContext.require();
        changed(() -> tx.execute(status -> {
            FlagSource.ResolvedFlag flag = overridable(tenant, key, user);
            FlagDefinition d = flag.definition();
            if (value == null || d.variantOf(value) == null) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-flag-value", "Invalid flag value",
                        "value must be one of this flag's values: " + d.variants().values(),
                        Map.of("errors", Map.of("value", "one of " + d.variants().values())));
            }
            jdbc.sql("""
                    INSERT INTO feature_flag_overrides (tenant_id, flag_key, value, updated_by) VALUES (?, ?, ?::jsonb, ?)
                    ON CONFLICT (tenant_id, flag_key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by,
                        updated_at = now()""")
                    .params(tenant.value(), key, json.writeValueAsString(value), user.email()).update();
            Map<String, Object> detail = new HashMap<>();
            detail.put("flag", key);
            detail.put("value", value);
            if (flag.override() != null) {
                detail.put("previous", flag.override());
            }
            audit.record("flags.override_set", "feature_flag", key, detail);
            return null;
        }));
    }

    /** Removes the current tenant's value of a flag (the same people as {@link #setOverride}); true when there was one. */
    boolean clearOverride(String key) {
        CurrentUser user = CurrentUser.require();
        TenantId tenant = TenantContext.require();
        return changed(() -> tx.execute(status -> {
            FlagSource.ResolvedFlag flag = overridable(tenant, key, user);
            if (flag.override() == null) {
                return false;
            }
            jdbc.sql("DELETE FROM feature_flag_overrides WHERE tenant_id = ? AND flag_key = ?").params(tenant.value(), key).update();
            audit.record("flags.override_cleared", "feature_flag", key, Map.of("flag", key, "previous", flag.override()));
            return true;
        }));
    }

    private FlagSource.ResolvedFlag overridable(TenantId tenant, String key, CurrentUser user) {
        FlagSource.ResolvedFlag flag = flags.find(tenant, key).orElseThrow(() -> ProblemException.notFound("Flag '" + key + "'"));
        if (!mayOverride(flag.definition(), user)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "override-not-allowed", "Forbidden",
                    "Flag '" + key + "' does not allow tenant overrides; only a platform admin can set it for a tenant");
        }
        return flag;
    }

    static boolean mayOverride(FlagDefinition flag, CurrentUser user) {
        return user.role() == Role.PLATFORM_ADMIN || user.role() == Role.ADMIN && flag.allowTenantOverride();
    }

    /** Runs a change, then lets this node's cache see it at once (other nodes see it at their next check). */
    private <T> T changed(Supplier<T> change) {
        try {
            return change.get();
        } finally {
            cache.invalidate();
        }
    }
}
