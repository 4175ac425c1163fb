package io.verbatim.appointments.internal;

import io.verbatim.contacts.ContactsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appointments follow a contact merge, inside the merging transaction (all children move, or none). */
@Component
class AppointmentsFollowMerges {

    private final JdbcClient jdbc;

    AppointmentsFollowMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ContactsMerged merged) {
        jdbc.sql("UPDATE appointments SET contact_card_id = ?, updated_at = now() WHERE tenant_id = ? AND contact_card_id = ?")
                .params(merged.survivor(), merged.tenantId(), merged.merged()).update();
    }
}
