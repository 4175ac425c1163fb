package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Old, handled webhook bodies are cleared; pending ones and recent ones are kept; the rows (event ids) stay. */
class InboxPrunerIT extends PlatformTest {

    @Autowired
    InboxPruner pruner;

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerPool;

    private UUID insert(JdbcClient owner, String status, int daysAgo) {
        UUID id = UUID.randomUUID();
        owner.sql("""
                INSERT INTO webhook_inbox (id, tenant_id, provider, event_id, source, payload, status, received_at, processed_at)
                VALUES (?, 'demo-tenant', 'generic', ?, 'prune-test', ?, ?, now() - make_interval(days => ?),
                        CASE WHEN ? = 'pending' THEN NULL ELSE now() - make_interval(days => ?) END)""")
                .params(id, "evt-" + id, "{\"caller\":\"+16145550187\"}".getBytes(), status, daysAgo, status, daysAgo)
                .update();
        return id;
    }

    @Test
    void handledBodiesOlderThanTheRetentionAreClearedAndTheRowsKept() {
        JdbcClient owner = JdbcClient.create(ownerPool);
        UUID oldDone = insert(owner, "done", 40);
        UUID recentDone = insert(owner, "done", 2);
        UUID oldPending = insert(owner, "pending", 40);

        assertThat(pruner.prune()).isGreaterThanOrEqualTo(1);

        String sql = "SELECT octet_length(payload) FROM webhook_inbox WHERE id = ?";
        assertThat(owner.sql(sql).param(oldDone).query(Integer.class).single()).isZero();
        assertThat(owner.sql(sql).param(recentDone).query(Integer.class).single()).isPositive();
        assertThat(owner.sql(sql).param(oldPending).query(Integer.class).single()).isPositive();
        assertThat(owner.sql("SELECT count(*) FROM webhook_inbox WHERE id IN (?, ?, ?)").params(oldDone, recentDone, oldPending)
                .query(Integer.class).single()).isEqualTo(3);
    }
}
