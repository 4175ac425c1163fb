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

    /**
     * Distinct contacts per CSR over the window, lead calls and QA sums, without reading the window's contacts (V49): a
     * contact counts on its first day of the window, so the count is the sum of the per-day counts (whole months from
     * {@code csr_months}, the other days from {@code csr_days}) less the window's contact-days whose previous day of
     * the same kind is in the window too ({@code csr_contact_repeats}). {@code %1$s}: one CSR.
     */
    static final String NUMBERS = """
            SELECT x.csr, sum(x.leads) AS leads, sum(x.qualified) AS qualified, sum(x.booked) AS booked,
                   sum(x.lead_calls) AS lead_calls, sum(x.qa_sum) AS qa_sum, sum(x.qa_n) AS qa_n
            FROM (
                SELECT d.csr_id AS csr, d.leads, d.qualified, d.booked, d.lead_calls, d.qa_sum, d.qa_n
                FROM csr_months d WHERE d.tenant_id = :t AND d.month >= :monthsFrom AND d.month < :monthsTo %1$s
                UNION ALL
                SELECT d.csr_id, d.leads, d.qualified, d.booked, d.lead_calls, d.qa_sum, d.qa_n
                FROM csr_days d WHERE d.tenant_id = :t AND d.day >= :from AND d.day < :monthsFrom %1$s
                UNION ALL
                SELECT d.csr_id, d.leads, d.qualified, d.booked, d.lead_calls, d.qa_sum, d.qa_n
                FROM csr_days d WHERE d.tenant_id = :t AND d.day >= :monthsTo AND d.day <= :to %1$s
                UNION ALL
                SELECT d.csr_id, -count(*) FILTER (WHERE d.prev_lead >= :from),
                       -count(*) FILTER (WHERE d.prev_qualified >= :from), -count(*) FILTER (WHERE d.prev_booked >= :from),
                       0, 0, 0
                FROM csr_contact_repeats d WHERE d.tenant_id = :t AND d.day > :from AND d.day <= :to %1$s
                GROUP BY d.csr_id
            ) x
            GROUP BY x.csr
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
     * 50 per CSR (ties at the 50th kept, {@link CsrMetrics} orders and cuts). Each CSR's qualified contact-days are
     * walked newest first ({@code csr_contact_days_callback}, V49) until 50 are found, instead of every contact-day of
     * the window read and ranked. {@code %s}: one CSR.
     */
    static final String UNBOOKED = """
            SELECT o.* FROM users u, LATERAL (
                SELECT l.csr_id AS csr, l.contact_card_id, l.last_call_id, l.customer_name, l.customer_phone,
                       l.reason_not_booked, l.last_call_at
                FROM csr_contact_days l
                WHERE l.tenant_id = :t AND l.csr_id = u.id AND l.last_call_id IS NOT NULL
                  AND l.last_call_at >= CAST(:from AS timestamp) AT TIME ZONE 'UTC'
                  AND l.last_call_at < CAST(:to AS timestamp) AT TIME ZONE 'UTC' + interval '1 day'
                  -- not booked that day (read from the row itself, before any probe) nor on another day of the
                  -- window, and no later qualified day of the contact in the window
                  AND l.booked_calls = 0 AND l.appointments_booked = 0
                  AND NOT EXISTS (SELECT 1 FROM csr_contact_days x
                                  WHERE x.tenant_id = :t AND x.csr_id = l.csr_id AND x.who = l.who
                                    AND x.day >= :from AND x.day <= :to
                                    AND ((x.day > l.day AND x.last_call_id IS NOT NULL)
                                         OR x.booked_calls > 0 OR x.appointments_booked > 0))
                  -- nor an appointment for the card since (a call without a card matches none)
                  AND NOT EXISTS (SELECT 1 FROM appointments ap
                                  WHERE ap.tenant_id = :t AND ap.contact_card_id = l.contact_card_id
                                    AND ap.status <> 'cancelled' AND ap.created_at >= l.last_call_at)
                ORDER BY l.last_call_at DESC
                FETCH FIRST (:limit) ROWS WITH TIES) o
            WHERE u.tenant_id = :t AND u.agent_kind = 'csr' %s
            """;

    /** One row per CSR of the tenant (or the one CSR), with or without calls. */
    static final String CSRS = """
            SELECT u.id, u.name FROM users u WHERE u.tenant_id = :t AND u.agent_kind = 'csr' %s ORDER BY u.name, u.id
            """;
}
