package io.verbatim.leads.internal;

import io.verbatim.contacts.ContactsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows a contact merge: the duplicate's leads move to the survivor. When both had an open lead, the duplicate's
 * is closed as dead (with history) first, so the survivor keeps one open lead.
 */
@Component
class LeadsOnMerge {

    private final JdbcClient jdbc;

    LeadsOnMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ContactsMerged merged) {
        String t = merged.tenantId();
        boolean survivorHasOpen = jdbc.sql("""
                SELECT 1 FROM leads WHERE tenant_id = ? AND contact_card_id = ? AND stage IN ('new', 'qualified', 'pending')""")
                .params(t, merged.survivor()).query(Integer.class).optional().isPresent();
        if (survivorHasOpen) {
            jdbc.sql("""
                    SELECT id, stage FROM leads WHERE tenant_id = ? AND contact_card_id = ? AND stage IN ('new', 'qualified', 'pending')""")
                    .params(t, merged.merged()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()
                    .forEach(l -> {
                        jdbc.sql("UPDATE leads SET stage = 'dead', updated_at = now() WHERE tenant_id = ? AND id = ?::uuid")
                                .params(t, l[0]).update();
                        LeadHistory.record(jdbc, t, java.util.UUID.fromString(l[0]), "stage", l[1], "dead", "merge", null,
                                "contact merged into " + merged.survivor() + ", which has an open lead");
                    });
        }
        jdbc.sql("SELECT id FROM leads WHERE tenant_id = ? AND contact_card_id = ?").params(t, merged.merged())
                .query(java.util.UUID.class).list()
                .forEach(id -> LeadHistory.record(jdbc, t, id, "contact", merged.merged().toString(), merged.survivor().toString(),
                        "merge", null, null));
        jdbc.sql("UPDATE leads SET contact_card_id = ?, updated_at = now() WHERE tenant_id = ? AND contact_card_id = ?")
                .params(merged.survivor(), t, merged.merged()).update();
    }
}
