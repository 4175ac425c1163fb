package io.verbatim.operations.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A cluster-wide PostgreSQL advisory lock, held by one owner-role session for as long as an operation
 * runs: one backup (and one verification) at a time on any node, and a node that dies lets go with its session.
 */
enum OperationLock {
    BACKUP(1), VERIFICATION(2);

    private static final int NAMESPACE = 8364;
    private final int id;

    OperationLock(int id) {
        this.id = id;
    }

    boolean tryLock(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    void unlock(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, id);
            ps.executeQuery().close();
        }
    }

    /** Whether some session holds it now. */
    boolean held(DataSource owner) {
        return JdbcClient.create(owner).sql("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND objid = ? AND objsubid = 2)""")
                .params(NAMESPACE, id).query(Boolean.class).single();
    }
}
