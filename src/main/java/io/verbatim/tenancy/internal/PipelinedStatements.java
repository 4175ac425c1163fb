package io.verbatim.tenancy.internal;

import io.verbatim.tenancy.SingleRoundTrip;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TransactionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link SingleRoundTrip} with PostgreSQL's JDBC driver: {@code SELECT set_config(...); <statement>} as one prepared
 * statement on an auto-commit connection. The driver sends both statements before a single Sync, and PostgreSQL
 * runs everything up to a Sync as one implicit transaction, committed at the Sync: so the settings are local to
 * that transaction, row-level security sees them, and the statement is committed before the answer comes back.
 */
@Component
class PipelinedStatements implements SingleRoundTrip {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final List<TransactionSettings> settings;

    PipelinedStatements(DataSource dataSource, ObjectProvider<TransactionSettings> settings) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings.orderedStream().toList();
    }

    @Override
    public <T> List<T> commit(String sql, RowMapper<T> rows, Object... params) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the running transaction already carries the settings, and commits when it ends
            return jdbc.query(sql, rows, params);
        }
        TenantContext.require();
        SessionSettings current = SessionSettings.current(settings).orElseThrow();
        return jdbc.execute((Connection con) -> {
            boolean autoCommit = con.getAutoCommit();
            if (!autoCommit) {
                con.setAutoCommit(true);
            }
            try (PreparedStatement ps = con.prepareStatement(current.sql() + ";\n" + sql)) {
                int next = current.bind(ps, 1);
                for (Object param : params) {
                    // a null's type is left to PostgreSQL's inference (asking the driver would cost a round trip)
                    if (param == null) {
                        ps.setNull(next++, Types.NULL);
                    } else {
                        ps.setObject(next++, param);
                    }
                }
                ps.execute(); // the first result is the settings' row
                List<T> result = new ArrayList<>();
                if (ps.getMoreResults()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        int n = 0;
                        while (rs.next()) {
                            result.add(rows.mapRow(rs, n++));
                        }
                    }
                }
                return result;
            } finally {
                if (!autoCommit) {
                    con.setAutoCommit(false);
                }
            }
        });
    }
}
