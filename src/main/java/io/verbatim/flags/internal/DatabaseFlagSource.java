package io.verbatim.flags.internal;

import io.verbatim.flags.FlagDefinition;
import io.verbatim.flags.FlagSource;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flags straight from the database, on every call: the uncached baseline, and what the cache loads from.
 * Overrides are read as the tenant (row-level security), definitions are global.
 */
@Component
class DatabaseFlagSource implements FlagSource {

    private static final TypeReference<Map<String, Object>> VARIANTS = new TypeReference<>() { };
    private static final TypeReference<List<FlagDefinition.TargetingRule>> RULES = new TypeReference<>() { };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate readOnly;

    DatabaseFlagSource(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public Optional<ResolvedFlag> find(TenantId tenant, String key) {
        return asTenant(tenant, () -> jdbc.sql("""
                SELECT f.*, o.value AS override FROM feature_flags f
                LEFT JOIN feature_flag_overrides o ON o.flag_key = f.key AND o.tenant_id = :tenant
                WHERE f.key = :key""")
                .param("tenant", tenant == null ? null : tenant.value()).param("key", key)
                .query((rs, n) -> new ResolvedFlag(definition(rs), value(rs.getString("override")))).optional());
    }

    @Override
    public List<ResolvedFlag> all(TenantId tenant) {
        return asTenant(tenant, () -> jdbc.sql("""
                SELECT f.*, o.value AS override FROM feature_flags f
                LEFT JOIN feature_flag_overrides o ON o.flag_key = f.key AND o.tenant_id = :tenant
                ORDER BY f.key""")
                .param("tenant", tenant == null ? null : tenant.value())
                .query((rs, n) -> new ResolvedFlag(definition(rs), value(rs.getString("override")))).list());
    }

    /** The counter every change of a definition or an override moves on (a trigger keeps it). */
    long version() {
        return readOnly.execute(tx -> jdbc.sql("SELECT version FROM feature_flag_version").query(Long.class).single());
    }

    Map<String, FlagDefinition> definitions() {
        Map<String, FlagDefinition> all = new LinkedHashMap<>();
        readOnly.executeWithoutResult(tx -> jdbc.sql("SELECT * FROM feature_flags ORDER BY key")
                .query((rs, n) -> definition(rs)).list().forEach(d -> all.put(d.key(), d)));
        return all;
    }

    Map<String, Object> overrides(TenantId tenant) {
        Map<String, Object> values = new LinkedHashMap<>();
        asTenant(tenant, () -> {
            jdbc.sql("SELECT flag_key, value FROM feature_flag_overrides WHERE tenant_id = ?").param(tenant.value())
                    .query((ResultSet rs) -> {
                        values.put(rs.getString("flag_key"), value(rs.getString("value")));
                    });
            return null;
        });
        return values;
    }

    private <T> T asTenant(TenantId tenant, java.util.function.Supplier<T> work) {
        if (tenant == null) {
            return readOnly.execute(tx -> work.get());
        }
        return TenantContext.callAs(tenant, () -> readOnly.execute(tx -> work.get()));
    }

    FlagDefinition definition(ResultSet rs) throws SQLException {
        int percent = rs.getInt("rollout_percent");
        Integer rollout = rs.wasNull() ? null : percent;
        return new FlagDefinition(rs.getString("key"), rs.getString("description"), rs.getString("type"),
                json.readValue(rs.getString("variants"), VARIANTS), rs.getString("default_variant"), rs.getString("state"),
                rollout, rs.getString("rollout_variant"), rs.getBoolean("allow_tenant_override"),
                json.readValue(rs.getString("targeting"), RULES), rs.getBoolean("seeded"));
    }

    private Object value(String stored) {
        return stored == null ? null : json.readValue(stored, Object.class);
    }
}
