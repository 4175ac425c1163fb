package io.verbatim.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.support.PlatformTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The one-round-trip statement against the real database: settings, statement and commit as one transaction. */
class SingleRoundTripIT extends PlatformTest {

    private static final TenantId DEMO = new TenantId("demo-tenant");
    private static final TenantId ACME = new TenantId("acme");
    private static final String INSERT = """
            INSERT INTO webhook_inbox (id, tenant_id, provider, event_id, source, payload, status)
            VALUES (?, ?, 'generic', ?, 'one-trip-test', ?, 'ignored') RETURNING id""";

    @Autowired
    SingleRoundTrip oneTrip;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theStatementRunsInsideTheTransactionThatCarriesTheSettings() {
        // app.tenant_id is transaction-local: the statement sees it only if it shares set_config's transaction
        List<String> seen = TenantContext.callAs(DEMO, () -> oneTrip.commit(
                "SELECT current_setting('app.tenant_id', true) AS tenant, txid_current() AS tx", (rs, n) -> rs.getString("tenant")));
        assertThat(seen).containsExactly("demo-tenant");
        // and it did not leak onto the pooled connection: a statement outside any transaction sees no tenant
        String after = jdbc.sql("SELECT coalesce(current_setting('app.tenant_id', true), '') AS t").query(String.class).single();
        assertThat(after).isEmpty();
    }

    @Test
    void itStaysOneTransactionOnceTheDriverPreparesTheStatementEvenWithUntypedNulls() {
        // After five uses the driver prepares the statement on the server and, for an untyped null, describes it with
        // a Sync of its own in the middle: without the explicit BEGIN/COMMIT that Sync ended the settings' transaction
        // and the insert below was refused by row-level security (found in the call-report storm)
        for (int i = 0; i < 30; i++) {
            UUID id = UUID.randomUUID();
            List<String> seen = TenantContext.callAs(DEMO, () -> oneTrip.commit("""
                    WITH kept AS (INSERT INTO webhook_inbox (id, tenant_id, provider, event_id, source, payload, status, error)
                                  VALUES (?, 'demo-tenant', 'generic', ?, 'one-trip-test', ?, 'ignored', ?) RETURNING id)
                    SELECT current_setting('app.tenant_id', true) AS tenant FROM kept""", (rs, n) -> rs.getString("tenant"),
                    id, "event-" + id, new byte[] {1}, null));
            assertThat(seen).as("use %d", i).containsExactly("demo-tenant");
        }
    }

    @Test
    void localSettingsApplyToThatTransactionOnly() {
        // group commit for the webhook receipts: commit_delay is superuser-only, granted to the application role
        assertThat(oneTrip.maySet("commit_delay")).isTrue();
        assertThat(oneTrip.maySet("shared_buffers")).isFalse();
        List<String> seen = TenantContext.callAs(DEMO, () -> oneTrip.commit(java.util.Map.of("commit_delay", "2000"),
                "SELECT current_setting('commit_delay') AS delay, current_setting('app.tenant_id', true) AS tenant",
                (rs, n) -> rs.getString("delay") + "|" + rs.getString("tenant")));
        assertThat(seen).containsExactly("2000|demo-tenant"); // microseconds
        String after = jdbc.sql("SELECT current_setting('commit_delay')").query(String.class).single();
        assertThat(after).isEqualTo("0");
        // the row-level security settings come from the tenant context, never from a caller's map
        assertThatThrownBy(() -> TenantContext.callAs(DEMO, () -> oneTrip.commit(java.util.Map.of("app.tenant_id", "acme"),
                "SELECT 1", (rs, n) -> rs.getInt(1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteIsCommittedWhenItReturnsAndVisibleOnlyToItsTenant() {
        UUID id = UUID.randomUUID();
        List<UUID> kept = TenantContext.callAs(DEMO, () -> oneTrip.commit(INSERT, (rs, n) -> rs.getObject("id", UUID.class),
                id, "demo-tenant", "event-" + id, new byte[] {1, 2, 3}));
        assertThat(kept).containsExactly(id);
        assertThat(countAs(DEMO, id)).isEqualTo(1);
        assertThat(countAs(ACME, id)).isZero();
        assertThat(TenantContext.callAs(ACME, () -> oneTrip.commit("SELECT id FROM webhook_inbox WHERE id = ?",
                (rs, n) -> rs.getObject("id", UUID.class), id))).isEmpty();
    }

    @Test
    void rowLevelSecurityRefusesAnotherTenantsRowAndNothingIsKept() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> TenantContext.callAs(ACME, () -> oneTrip.commit(INSERT, (rs, n) -> rs.getObject("id", UUID.class),
                id, "demo-tenant", "event-" + id, new byte[] {1})))
                .hasStackTraceContaining("row-level security");
        assertThat(countAs(DEMO, id)).isZero();
    }

    @Test
    void aFailingStatementRollsBackTheWholeTrip() {
        UUID id = UUID.randomUUID();
        // the insert succeeds, then the same statement fails (division by zero): the implicit transaction is one
        assertThatThrownBy(() -> TenantContext.callAs(DEMO, () -> oneTrip.commit("""
                WITH kept AS (INSERT INTO webhook_inbox (id, tenant_id, provider, event_id, source, payload, status)
                              VALUES (?, 'demo-tenant', 'generic', ?, 'one-trip-test', ?, 'ignored') RETURNING id)
                SELECT 1 / (SELECT count(*) - 1 FROM kept) AS boom""", (rs, n) -> rs.getInt(1), id, "event-" + id, new byte[] {1})))
                .hasStackTraceContaining("division by zero");
        assertThat(countAs(DEMO, id)).isZero();
    }

    @Test
    void insideATransactionItJoinsIt() {
        UUID id = UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        TenantContext.runAs(DEMO, () -> tx.executeWithoutResult(s -> {
            oneTrip.commit(INSERT, (rs, n) -> rs.getObject("id", UUID.class), id, "demo-tenant", "event-" + id, new byte[] {1});
            s.setRollbackOnly();
        }));
        assertThat(countAs(DEMO, id)).isZero();
    }

    @Test
    void withoutATenantItRefuses() {
        assertThatThrownBy(() -> oneTrip.commit("SELECT 1", (rs, n) -> rs.getInt(1))).isInstanceOf(RuntimeException.class);
    }

    private int countAs(TenantId tenant, UUID id) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Integer n = TenantContext.callAs(tenant, () -> tx.execute(s -> count(id)));
        return n == null ? -1 : n;
    }

    private int count(UUID id) {
        return jdbc.sql("SELECT count(*) FROM webhook_inbox WHERE id = ?").param(id).query(Integer.class).single();
    }
}
