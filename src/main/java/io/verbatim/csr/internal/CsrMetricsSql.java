package io.verbatim.csr.internal;

/**
 * The SQL of the CSR metrics. A lead call is an analysed inbound CSR call with a CSR attached whose qualification is
 * hot, warm or cold (abandoned calls and calls with no intent to hire are not leads, as ServiceTitan counts them);
 * a contact is its contact card, or the call itself when it has none. A booking is an appointment the CSR booked in
 * the window or a lead call the analysis marks booked, counted once per contact. The window's lead calls are read
 * once per request ({@link CsrMetrics} counts them per CSR): at a million calls each read is most of the cost.
 */
final class CsrMetricsSql {

    private CsrMetricsSql() {
    }

    /**
     * The window's lead calls; {@code booked_since}: a qualified call whose contact has a (not cancelled) appointment
     * made at or after it. {@code %s}: an extra condition (one CSR). The ids come first from two index-only scans (the
     * window's CSR calls, {@code conversations_csr_calls}, probed in the qualified analyses,
     * {@code analyses_lead_qualified}, both V39), and only the lead calls' rows are read: at a million calls, reading
     * every call of the window from the heap to keep a few percent of them was most of the time.
     */
    static final String LEAD_CALLS = """
            WITH ids AS MATERIALIZED (
                SELECT c.id FROM conversations c JOIN analyses a ON a.conversation_id = c.id
                WHERE c.tenant_id = :t AND a.tenant_id = :t AND c.call_type = 'csr_call' AND c.agent_user_id IS NOT NULL
                  AND c.occurred_at >= :from AND c.occurred_at < :to AND a.qualification IN ('hot', 'warm', 'cold')
                  %s)
            SELECT c.id, c.agent_user_id AS csr, coalesce(c.contact_card_id, c.id) AS who, c.contact_card_id,
                   c.customer_name, c.customer_phone, c.occurred_at, a.qualification, a.booking_status,
                   a.objection_categories, a.qa_score,
                   a.qualification IN ('hot', 'warm') AND c.contact_card_id IS NOT NULL AND EXISTS (
                       SELECT 1 FROM appointments ap WHERE ap.tenant_id = :t AND ap.contact_card_id = c.contact_card_id
                         AND ap.status <> 'cancelled' AND ap.created_at >= c.occurred_at) AS booked_since
            FROM ids JOIN conversations c ON c.id = ids.id JOIN analyses a ON a.conversation_id = c.id
            WHERE c.tenant_id = :t AND a.tenant_id = :t
            """;

    /** The contacts each CSR booked in the window (appointments, not cancelled). {@code %s}: one CSR. */
    static final String BOOKED = """
            SELECT DISTINCT ap.booked_by_id AS csr, coalesce(ap.contact_card_id, ap.id) AS who FROM appointments ap
            WHERE ap.tenant_id = :t AND ap.booked_by_id IS NOT NULL AND ap.status <> 'cancelled'
              AND ap.created_at >= :from AND ap.created_at < :to %s
            """;

    /** One row per CSR of the tenant (or the one CSR), with or without calls. */
    static final String CSRS = """
            SELECT u.id, u.name FROM users u WHERE u.tenant_id = :t AND u.agent_kind = 'csr' %s ORDER BY u.name, u.id
            """;
}
