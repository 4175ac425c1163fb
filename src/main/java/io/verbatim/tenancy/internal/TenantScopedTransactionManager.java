package io.verbatim.tenancy.internal;

import io.verbatim.tenancy.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Starts every transaction by telling PostgreSQL which tenant it is for; row-level security policies
 * read it back with {@code current_setting('app.tenant_id', true)}. The setting is transaction-local,
 * so a pooled connection never carries one tenant into another's transaction.
 */
class TenantScopedTransactionManager extends JdbcTransactionManager {

    TenantScopedTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        var tenant = TenantContext.current();
        if (tenant.isPresent()) {
            try (PreparedStatement ps = con.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                ps.setString(1, tenant.get().value());
                ps.execute();
            }
        }
    }
}
