package io.verbatim.tenancy;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/**
 * One statement for the current tenant as a transaction of its own, sent to PostgreSQL in a single round trip:
 * the row-level security settings ({@code set_config}), the statement and its commit travel together (one
 * protocol Sync, so one implicit transaction), instead of the three round trips of a {@code @Transactional}
 * method (settings with BEGIN, statement, COMMIT). For hot paths whose answer waits on the database, such as a
 * webhook's durable receipt. The commit is a normal, synchronous one: when this returns, the write is durable.
 * Inside a running transaction it simply runs in that transaction.
 */
public interface SingleRoundTrip {

    /**
     * Runs {@code sql} (one statement, {@code ?} parameters; a {@code RETURNING} or {@code SELECT} gives rows)
     * and commits it; returns its rows, empty for a statement that returns none.
     */
    <T> List<T> commit(String sql, RowMapper<T> rows, Object... params);
}
