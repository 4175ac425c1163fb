package io.verbatim.tenancy.internal;

import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TransactionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction by telling PostgreSQL which tenant it is for; row-level security policies
 * read it back with {@code current_setting('app.tenant_id', true)}. The setting is transaction-local,
 * so a pooled connection never carries one tenant into another's transaction. {@link TransactionSettings}
 * beans add more settings (the caller's user, role, team) in the same statement.
 */
class TenantScopedTransactionManager extends JdbcTransactionManager {

    private final List<TransactionSettings> settings;

    TenantScopedTransactionManager(DataSource dataSource, List<TransactionSettings> settings) {
        super(dataSource);
        this.settings = List.copyOf(settings);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        var tenant = TenantContext.current();
        if (tenant.isEmpty()) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("app.tenant_id", tenant.get().value());
        for (TransactionSettings source : settings) {
            values.putAll(source.current());
        }
        List<String> calls = new ArrayList<>();
        values.keySet().forEach(k -> calls.add("set_config(?, ?, true)"));
        try (PreparedStatement ps = con.prepareStatement("SELECT " + String.join(", ", calls))) {
            int i = 1;
            for (var e : values.entrySet()) {
                ps.setString(i++, e.getKey());
                ps.setString(i++, e.getValue());
            }
            ps.execute();
        }
    }
}
