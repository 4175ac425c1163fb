package io.verbatim.contacts.internal;

import io.verbatim.conversations.AnalysisUpdated;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a card's AI fields current: when a linked conversation is (re)analysed and it is the card's latest
 * analysed conversation, its summary, reason, risks and tags become the card's. Runs inside the transaction
 * that saves the analysis, so the card never shows an analysis that was rolled back.
 *
 * <p>primary_intent = the call reason; risks = negative customer sentiment, a churn risk of 0.6 or more, and each
 * objection category; tags = qualification, booking status and call reason.
 */
@Component
class AiFieldsUpdater {

    private final JdbcClient jdbc;

    AiFieldsUpdater(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Analysis(java.util.UUID card, String summary, String reason, String sentiment, Float churn, String qualification,
                    String booking, List<String> objections) {
    }

    @EventListener
    void on(AnalysisUpdated updated) {
        jdbc.sql("""
                SELECT c.contact_card_id, a.summary, a.call_reason, a.customer_sentiment, a.churn_risk, a.qualification,
                       a.booking_status, a.objection_categories
                FROM conversations c JOIN analyses a ON a.conversation_id = c.id AND a.tenant_id = c.tenant_id
                WHERE c.tenant_id = ? AND c.id = ? AND c.contact_card_id IS NOT NULL""")
                .params(updated.tenantId(), updated.conversationId())
                .query((rs, n) -> new Analysis(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), (Float) rs.getObject(5), rs.getString(6), rs.getString(7),
                        ContactCardRows.list(rs.getArray(8))))
                .optional().ifPresent(a -> apply(updated, a));
    }

    private void apply(AnalysisUpdated updated, Analysis a) {
        List<String> risks = new ArrayList<>();
        if ("negative".equals(a.sentiment())) {
            risks.add("negative_sentiment");
        }
        if (a.churn() != null && a.churn() >= 0.6f) {
            risks.add("churn_risk");
        }
        a.objections().forEach(o -> risks.add("objection:" + o));
        List<String> tags = new ArrayList<>();
        for (String t : new String[] {a.qualification(), a.booking(), a.reason()}) {
            if (t != null && !t.isBlank() && !tags.contains(t)) {
                tags.add(t);
            }
        }
        // only the card's latest analysed conversation speaks for it (a late re-analysis of an old call does not)
        jdbc.sql("""
                UPDATE contact_card SET last_call_summary = ?, primary_intent = ?, risks = ?, tags = ?, updated_at = now()
                WHERE tenant_id = ? AND id = ? AND NOT EXISTS (
                    SELECT 1 FROM conversations o JOIN analyses oa ON oa.conversation_id = o.id AND oa.tenant_id = o.tenant_id,
                                  conversations me
                    WHERE me.tenant_id = ? AND me.id = ? AND o.tenant_id = ? AND o.contact_card_id = ? AND o.id <> me.id
                      AND coalesce(o.started_at, o.created_at) > coalesce(me.started_at, me.created_at))""")
                .params(a.summary(), a.reason(), risks.toArray(String[]::new), tags.toArray(String[]::new),
                        updated.tenantId(), a.card(), updated.tenantId(), updated.conversationId(), updated.tenantId(), a.card())
                .update();
    }
}
