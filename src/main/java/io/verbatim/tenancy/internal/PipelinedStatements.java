package io.verbatim.tenancy.internal;

import io.verbatim.tenancy.SingleRoundTrip;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TransactionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link SingleRoundTrip} with PostgreSQL's JDBC driver: {@code BEGIN; SELECT set_config(...); <statement>; COMMIT}
 * as one prepared statement on an auto-commit connection; the driver sends the four together, before one Sync.
 * The explicit BEGIN/COMMIT is what makes it one transaction: relying on the protocol's implicit transaction (up to
 * a Sync) is not safe, because the driver splits a multi-statement query with a Sync of its own when it has to
 * describe a parameter of unknown type (a plain {@code null}) for a server-prepared statement, and a Sync commits
 * the implicit transaction, settings and all. Pass a null as {@code new SqlParameterValue(Types.X, null)}: a typed
 * null keeps the trip single.
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
        return commit(Map.of(), sql, rows, params);
    }

    @Override
    public boolean maySet(String parameter) {
        try {
            return Boolean.TRUE.equals(jdbc.queryForObject("SELECT has_parameter_privilege(?, 'SET')", Boolean.class, parameter));
        } catch (DataAccessException e) {
            return false; // PostgreSQL before 15 has no per-parameter grants: only a superuser could
        }
    }

    @Override
    public <T> List<T> commit(Map<String, String> local, String sql, RowMapper<T> rows, Object... params) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the running transaction already carries the settings, and commits when it ends
            return jdbc.query(sql, rows, params);
        }
        TenantContext.require();
        SessionSettings current = SessionSettings.current(settings).orElseThrow().with(local);
        return jdbc.execute((Connection con) -> {
            boolean autoCommit = con.getAutoCommit();
            if (!autoCommit) {
                con.setAutoCommit(true);
            }
            try (PreparedStatement ps = con.prepareStatement("BEGIN;\n" + current.sql() + ";\n" + sql + ";\nCOMMIT")) {
                int next = current.bind(ps, 1);
                for (Object param : params) {
                    if (param instanceof SqlParameterValue typed) {
                        StatementCreatorUtils.setParameterValue(ps, next++, typed, typed.getValue());
                    } else {
                        StatementCreatorUtils.setParameterValue(ps, next++, SqlTypeValue.TYPE_UNKNOWN, param);
                    }
                }
                ps.execute(); // BEGIN
                ps.getMoreResults(); // the settings' row
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
            } catch (SQLException e) {
                // PostgreSQL skipped the rest, COMMIT included: end the failed transaction before the pool gets the connection back
                try (Statement rollback = con.createStatement()) {
                    rollback.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    e.addSuppressed(ignored);
                }
                throw e;
            } finally {
                if (!autoCommit) {
                    con.setAutoCommit(false);
                }
            }
        });
    }
}
