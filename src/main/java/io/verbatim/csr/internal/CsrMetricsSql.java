package io.verbatim.csr.internal;

/**
 * The SQL of the CSR metrics. A lead call is an analysed inbound CSR call with a CSR attached whose qualification is
 * hot, warm or cold (abandoned calls and calls with no intent to hire are not leads, as ServiceTitan counts them);
 * a contact is its contact card, or the call itself when it has none. A booking is an appointment the CSR booked in
 * the window or a lead call the analysis marks booked, counted once per contact.
 */
final class CsrMetricsSql {

    private CsrMetricsSql() {
    }

    static final String LEAD_CALLS = """
            lead_calls AS (
                SELECT c.id, c.agent_user_id AS csr, coalesce(c.contact_card_id, c.id) AS who, c.contact_card_id,
                       c.customer_name, c.customer_phone, c.occurred_at, a.qualification, a.booking_status,
                       a.objection_categories, a.qa_score
                FROM conversations c JOIN analyses a ON a.conversation_id = c.id
                WHERE c.tenant_id = :t AND c.call_type = 'csr_call' AND c.agent_user_id IS NOT NULL
                  AND c.occurred_at >= :from AND c.occurred_at < :to AND a.qualification IN ('hot', 'warm', 'cold')
                  %s),
            bookings AS (
                SELECT csr, who FROM lead_calls WHERE booking_status = 'booked'
                UNION
                SELECT ap.booked_by_id, coalesce(ap.contact_card_id, ap.id) FROM appointments ap
                WHERE ap.tenant_id = :t AND ap.booked_by_id IS NOT NULL AND ap.status <> 'cancelled'
                  AND ap.created_at >= :from AND ap.created_at < :to %s)
            """;

    /** One row per CSR of the tenant (or the one CSR), with or without calls. */
    static final String PER_CSR = "WITH " + LEAD_CALLS + """
            SELECT u.id, u.name,
                   (SELECT count(DISTINCT who) FROM lead_calls l WHERE l.csr = u.id) AS leads,
                   (SELECT count(DISTINCT who) FROM lead_calls l WHERE l.csr = u.id AND l.qualification IN ('hot', 'warm')) AS qualified,
                   (SELECT count(*) FROM lead_calls l WHERE l.csr = u.id) AS lead_calls,
                   (SELECT count(*) FROM bookings b WHERE b.csr = u.id) AS booked,
                   (SELECT avg(l.qa_score) / 100 FROM lead_calls l WHERE l.csr = u.id) AS sop
            FROM users u
            WHERE u.tenant_id = :t AND u.agent_kind = 'csr' %s
            ORDER BY u.name, u.id
            """;

    /** The latest call of each qualified contact the CSR did not book and nobody booked since. */
    static final String UNBOOKED = "WITH " + LEAD_CALLS + """
            SELECT DISTINCT ON (l.csr, l.who) l.csr, l.who, l.id, l.contact_card_id, l.customer_name, l.customer_phone,
                   l.occurred_at, l.booking_status, l.objection_categories[1] AS objection
            FROM lead_calls l
            WHERE l.qualification IN ('hot', 'warm')
              AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.csr = l.csr AND b.who = l.who)
              AND NOT EXISTS (SELECT 1 FROM appointments ap WHERE ap.tenant_id = :t AND ap.contact_card_id = l.contact_card_id
                              AND ap.status <> 'cancelled' AND ap.created_at >= l.occurred_at)
            ORDER BY l.csr, l.who, l.occurred_at DESC
            """;

    static final String OBJECTIONS = "WITH " + LEAD_CALLS + """
            SELECT l.csr, o.category, count(*) AS n, count(*) FILTER (WHERE l.booking_status IS DISTINCT FROM 'booked') AS unbooked
            FROM lead_calls l CROSS JOIN LATERAL unnest(l.objection_categories) AS o(category)
            GROUP BY l.csr, o.category
            ORDER BY n DESC, o.category
            """;
}
