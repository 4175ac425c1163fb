package io.verbatim.tenancy.internal;

import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TransactionSettings;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transaction-local settings row-level security reads ({@code app.tenant_id} and whatever the
 * {@link TransactionSettings} beans add), as one {@code SELECT set_config(...)} statement.
 */
record SessionSettings(Map<String, String> values) {

    /** The settings for the tenant bound to this thread; empty when none is bound. */
    static Optional<SessionSettings> current(List<TransactionSettings> sources) {
        var tenant = TenantContext.current();
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("app.tenant_id", tenant.get().value());
        for (TransactionSettings source : sources) {
            values.putAll(source.current());
        }
        return Optional.of(new SessionSettings(values));
    }

    /** These settings and {@code more} (which win on a clash of names). */
    SessionSettings with(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(values);
        more.forEach((name, value) -> {
            if (name.startsWith("app.")) { // the row-level security settings come from the tenant context only
                throw new IllegalArgumentException("Not a local setting to pass: " + name);
            }
            merged.put(name, value);
        });
        return new SessionSettings(merged);
    }

    /** {@code SELECT set_config(?, ?, true), ...}: one pair of parameters per setting. */
    String sql() {
        List<String> calls = new ArrayList<>();
        values.keySet().forEach(k -> calls.add("set_config(?, ?, true)"));
        return "SELECT " + String.join(", ", calls);
    }

    /** Binds the pairs from parameter {@code first} on; returns the next free parameter index. */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (var e : values.entrySet()) {
            ps.setString(i++, e.getKey());
            ps.setString(i++, e.getValue());
        }
        return i;
    }
}
