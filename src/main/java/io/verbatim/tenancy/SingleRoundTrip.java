package io.verbatim.tenancy;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/**
 * One statement for the current tenant as a transaction of its own, sent to PostgreSQL in a single round trip:
 * {@code BEGIN}, the row-level security settings ({@code set_config}), the statement and {@code COMMIT} travel
 * together, instead of the three round trips of a {@code @Transactional}
 * method (settings with BEGIN, statement, COMMIT). For hot paths whose answer waits on the database, such as a
 * webhook's durable receipt. The commit is a normal, synchronous one: when this returns, the write is durable.
 * Inside a running transaction it simply runs in that transaction.
 */
public interface SingleRoundTrip {

    /**
     * Runs {@code sql} (one statement, {@code ?} parameters; a {@code RETURNING} or {@code SELECT} gives rows)
     * and commits it; returns its rows, empty for a statement that returns none. Give nulls a type
     * ({@code new SqlParameterValue(Types.VARCHAR, null)}): an untyped null costs the driver an extra round trip.
     */
    <T> List<T> commit(String sql, RowMapper<T> rows, Object... params);

    /**
     * {@link #commit(String, RowMapper, Object...)} with PostgreSQL settings local to this one transaction (as
     * {@code SET LOCAL} would, sent in the same trip), for example {@code commit_delay} for group commit. A setting
     * the role may not change fails the statement: ask {@link #maySet} first for superuser-only ones.
     */
    <T> List<T> commit(Map<String, String> local, String sql, RowMapper<T> rows, Object... params);

    /** Whether the application's role may change {@code parameter} in its transactions (asked of the database). */
    boolean maySet(String parameter);
}
