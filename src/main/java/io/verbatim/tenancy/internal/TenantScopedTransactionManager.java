package io.verbatim.tenancy.internal;

import io.verbatim.tenancy.TransactionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
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
        var current = SessionSettings.current(settings);
        if (current.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = con.prepareStatement(current.get().sql())) {
            current.get().bind(ps, 1);
            ps.execute();
        }
    }
}
