package io.verbatim.followups.internal;

import io.verbatim.contacts.ContactsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tasks follow a contact merge, inside the merging transaction. A task from an analysis that the survivor already has
 * under the same natural key (category, due day) stays on the merged card, which still resolves to the survivor.
 */
@Component
class TasksFollowMerges {

    private final JdbcClient jdbc;

    TasksFollowMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ContactsMerged merged) {
        jdbc.sql("""
                UPDATE tasks t SET contact_card_id = :survivor, updated_at = now()
                WHERE t.tenant_id = :tenant AND t.contact_card_id = :merged
                  AND (t.origin <> 'analysis' OR NOT EXISTS (
                      SELECT 1 FROM tasks s WHERE s.tenant_id = t.tenant_id AND s.origin = 'analysis'
                        AND s.contact_card_id = :survivor AND s.category = t.category
                        AND s.due_date IS NOT DISTINCT FROM t.due_date))""")
                .param("survivor", merged.survivor()).param("tenant", merged.tenantId()).param("merged", merged.merged())
                .update();
    }
}
