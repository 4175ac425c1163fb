package io.verbatim.csr.internal;

/**
 * The SQL of the CSR metrics, over the per-day roll-ups of V43 ({@code csr_contact_days}: one row per CSR, UTC day and
 * contact, {@code csr_objection_days}), kept by triggers from conversations, analyses and appointments. A lead call is
 * an analysed inbound CSR call with a CSR attached whose qualification is hot, warm or cold (abandoned calls and calls
 * with no intent to hire are not leads, as ServiceTitan counts them); a contact is its contact card, or the call itself
 * when it has none. A booking is an appointment the CSR made in the window (not cancelled) or a lead call the analysis
 * marks booked, counted once per contact. The definition is the migration's {@code csr_contact_days_of}.
 */
final class CsrMetricsSql {

    private CsrMetricsSql() {
    }

    /** Distinct contacts per CSR over the window's days, lead calls and QA sums. {@code %s}: one CSR. */
    static final String NUMBERS = """
            SELECT d.csr_id AS csr,
                   count(DISTINCT d.who) FILTER (WHERE d.lead_calls > 0) AS leads,
                   count(DISTINCT d.who) FILTER (WHERE d.qualified_calls > 0) AS qualified,
                   count(DISTINCT d.who) FILTER (WHERE d.booked_calls > 0 OR d.appointments_booked > 0) AS booked,
                   sum(d.lead_calls) AS lead_calls, sum(d.qa_sum) AS qa_sum, sum(d.qa_n) AS qa_n
            FROM csr_contact_days d
            WHERE d.tenant_id = :t AND d.day >= :from AND d.day <= :to %s
            GROUP BY d.csr_id
            """;

    /** Objection categories per CSR. {@code %s}: one CSR. */
    static final String OBJECTIONS = """
            SELECT d.csr_id AS csr, d.category, sum(d.calls) AS calls, sum(d.unbooked) AS unbooked
            FROM csr_objection_days d
            WHERE d.tenant_id = :t AND d.day >= :from AND d.day <= :to %s
            GROUP BY d.csr_id, d.category
            """;

    /**
     * The call-back list: each qualified contact's latest qualified call of the window, unless the CSR booked the
     * contact in the window or an appointment (not cancelled) was made for the card at or after that call; the newest
     * 50 per CSR (ties at the 50th kept, {@link CsrMetrics} orders and cuts). {@code %s}: one CSR.
     */
    static final String UNBOOKED = """
            WITH w AS (
                SELECT * FROM csr_contact_days d WHERE d.tenant_id = :t AND d.day >= :from AND d.day <= :to %s),
            latest AS (
                SELECT DISTINCT ON (w.csr_id, w.who) w.* FROM w WHERE w.last_call_id IS NOT NULL
                ORDER BY w.csr_id, w.who, w.last_call_at DESC, w.last_call_id),
            open AS (
                SELECT l.*, rank() OVER (PARTITION BY l.csr_id ORDER BY l.last_call_at DESC) AS r FROM latest l
                WHERE NOT EXISTS (SELECT 1 FROM w b WHERE b.csr_id = l.csr_id AND b.who = l.who
                                    AND (b.booked_calls > 0 OR b.appointments_booked > 0))
                  AND NOT (l.contact_card_id IS NOT NULL AND EXISTS (
                      SELECT 1 FROM appointments ap WHERE ap.tenant_id = :t AND ap.contact_card_id = l.contact_card_id
                        AND ap.status <> 'cancelled' AND ap.created_at >= l.last_call_at)))
            SELECT o.csr_id AS csr, o.contact_card_id, o.last_call_id, o.customer_name, o.customer_phone,
                   o.reason_not_booked, o.last_call_at
            FROM open o WHERE o.r <= :limit
            """;

    /** One row per CSR of the tenant (or the one CSR), with or without calls. */
    static final String CSRS = """
            SELECT u.id, u.name FROM users u WHERE u.tenant_id = :t AND u.agent_kind = 'csr' %s ORDER BY u.name, u.id
            """;
}
