package io.verbatim.leads.internal;

import io.verbatim.conversations.AnalysisUpdated;
import io.verbatim.leads.Lead;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each analysed conversation of a contact card that the analysis qualified (or booked) opens the contact's lead or
 * moves it on, inside the transaction that saves the analysis. A re-analysis updates the lead it made rather than
 * opening another; a qualification a person set is never overwritten.
 */
@Component
class LeadsFromAnalysis {

    private static final Set<String> WARM = Set.of("hot", "warm");
    private final JdbcClient jdbc;

    LeadsFromAnalysis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Call(UUID card, UUID agent, String source, String qualification, String booking, Timestamp at) {
    }

    @EventListener
    void on(AnalysisUpdated updated) {
        String tenant = updated.tenantId();
        Optional<Call> found = jdbc.sql("""
                SELECT c.contact_card_id, c.agent_user_id, c.source, a.qualification, a.booking_status,
                       coalesce(c.started_at, c.created_at) AS at
                FROM conversations c JOIN analyses a ON a.conversation_id = c.id AND a.tenant_id = c.tenant_id
                WHERE c.tenant_id = ? AND c.id = ? AND c.contact_card_id IS NOT NULL""")
                .params(tenant, updated.conversationId())
                .query((rs, n) -> new Call(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6)))
                .optional();
        if (found.isEmpty()) {
            return;
        }
        Call call = found.get();
        boolean booked = "booked".equals(call.booking());
        String qualification = Lead.QUALIFICATIONS.contains(call.qualification()) ? call.qualification() : null;
        if (qualification == null && !booked) {
            return; // not a sales conversation
        }
        Optional<Lead> lead = jdbc.sql("SELECT * FROM leads WHERE tenant_id = ? AND source_conversation_id = ? FOR UPDATE")
                .params(tenant, updated.conversationId()).query(LeadRows.INSTANCE).optional()
                .or(() -> openLead(tenant, call.card()));
        if (lead.isEmpty()) {
            UUID id = UUID.randomUUID();
            String stage = booked ? "booked" : WARM.contains(qualification) ? "qualified" : "new";
            int inserted = jdbc.sql("""
                    INSERT INTO leads (id, tenant_id, contact_card_id, stage, qualification, source, source_conversation_id,
                                       csr_user_id, last_activity_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, contact_card_id) WHERE stage IN ('new', 'qualified', 'pending') DO NOTHING""")
                    .params(id, tenant, call.card(), stage, qualification, call.source(), updated.conversationId(),
                            call.agent(), call.at())
                    .update();
            if (inserted == 1) {
                LeadHistory.record(jdbc, tenant, id, "stage", null, stage, "analysis", updated.conversationId().toString(), null);
                LeadHistory.record(jdbc, tenant, id, "qualification", null, qualification, "analysis",
                        updated.conversationId().toString(), null);
                return;
            }
            lead = openLead(tenant, call.card()); // a concurrent analysis of the same contact opened it first
        }
        lead.ifPresent(l -> advance(tenant, l, call, updated.conversationId(), qualification, booked));
    }

    private Optional<Lead> openLead(String tenant, UUID card) {
        return jdbc.sql("""
                SELECT * FROM leads WHERE tenant_id = ? AND contact_card_id = ? AND stage IN ('new', 'qualified', 'pending')
                FOR UPDATE""").params(tenant, card).query(LeadRows.INSTANCE).optional();
    }

    private void advance(String tenant, Lead lead, Call call, UUID conversation, String qualification, boolean booked) {
        String newQualification = "person".equals(lead.qualificationSetBy()) || qualification == null
                ? lead.qualification() : qualification;
        String stage = lead.stage();
        if (booked && lead.open()) {
            stage = "booked";
        } else if ("new".equals(stage) && WARM.contains(newQualification)) {
            stage = "qualified";
        }
        jdbc.sql("""
                UPDATE leads SET stage = ?, qualification = ?, csr_user_id = coalesce(csr_user_id, ?),
                    last_activity_at = greatest(last_activity_at, ?), updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(stage, newQualification, call.agent(), call.at(), tenant, lead.id()).update();
        LeadHistory.record(jdbc, tenant, lead.id(), "stage", lead.stage(), stage, "analysis", conversation.toString(), null);
        LeadHistory.record(jdbc, tenant, lead.id(), "qualification", lead.qualification(), newQualification, "analysis",
                conversation.toString(), null);
    }
}
