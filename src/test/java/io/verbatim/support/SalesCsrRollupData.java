package io.verbatim.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generated CSR and sales data for the V43 roll-up tests: CSRs and reps (real users, plus an agent who is not one),
 * contact cards, lead calls with and without analyses, field visits pointing to appointments, appointments and leads
 * over the last 120 days; then every kind of write the roll-ups must follow (analyses re-done and removed, calls moved
 * between days, CSRs and cards, appointments' status, outcome, rep, booker, days and cards changed, rows deleted, bulk
 * updates), all through the application role under the tenant, as the product writes them.
 */
public final class SalesCsrRollupData {

    private static final String[] QUALIFICATIONS = {"hot", "warm", "cold", "unqualified", null};
    private static final String[] BOOKING = {"booked", "not_booked", "service_not_offered", null};
    private static final String[] OBJECTIONS = {"price", "timing", "trust", "competitor", "spouse"};
    private static final String[] STATUSES = {"scheduled", "completed", "completed", "no_show", "cancelled"};
    private static final String[] OUTCOMES = {"closed_won", "closed_lost", "open"};
    private static final String[] STAGES = {"new", "qualified", "booked", "pending", "dead"};

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final Random random;
    private int slot;

    public SalesCsrRollupData(JdbcClient jdbc, PlatformTransactionManager transactions, long seed) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.random = new Random(seed);
    }

    /** What was generated in one tenant. */
    public record Tenant(TenantId id, List<UUID> csrs, List<UUID> reps, List<UUID> cards, List<UUID> calls, List<UUID> visits,
                         List<UUID> appointments, List<UUID> leads) {
    }

    /** A new company (tenant) of its own, so that generated rows disturb no other test's figures. */
    public record Company(TenantId tenant, String admin) {
    }

    public static Company company(ApiClient api, String name) {
        String admin = "rollup-" + UUID.randomUUID() + "@example.com";
        ApiClient.Response r = ShoppingFixture.company(api, name + " " + UUID.randomUUID().toString().substring(0, 6), admin);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return new Company(new TenantId(r.body().get("id").asString()), admin);
    }

    /** A new agent user of the kind (csr, sales_rep) in the company; returns its id. */
    public static UUID agent(ApiClient api, Company company, String kind) {
        String email = kind.replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ApiClient.Response r = api.post("/api/v1/users", api.token(company.admin()), """
                {"email": "%s", "name": "%s", "password": "%s", "role": "agent", "agent_kind": "%s"}"""
                .formatted(email, "Rollup " + email.substring(0, 12), ApiClient.DEMO_PASSWORD, kind));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(ShoppingFixture.userId(api, company.admin(), email));
    }

    public Tenant generate(TenantId tenant, List<UUID> csrs, List<UUID> reps) {
        List<UUID> allCsrs = new ArrayList<>(csrs);
        allCsrs.add(UUID.randomUUID()); // an agent id with no user: counted in the roll-ups, shown by nobody
        Tenant t = new Tenant(tenant, allCsrs, reps, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        inTenant(tenant, () -> {
            for (int i = 0; i < 14; i++) {
                UUID card = UUID.randomUUID();
                jdbc.sql("INSERT INTO contact_card (id, tenant_id, full_name, primary_phone) VALUES (?, ?, ?, ?)")
                        .params(card, tenant.value(), "Rollup Contact " + i, "+1512" + (5550000 + random.nextInt(9999999 - 5550000)))
                        .update();
                t.cards().add(card);
            }
            for (int i = 0; i < 40; i++) {
                t.appointments().add(appointment(t, i));
            }
            for (int i = 0; i < 120; i++) {
                t.calls().add(call(t, i, false));
            }
            for (int i = 0; i < 24; i++) {
                t.visits().add(call(t, i, true));
            }
            for (int i = 0; i < 16; i++) {
                missedAndRescued(t, i);
            }
            for (int i = 0; i < 20; i++) {
                sms(t, i);
            }
            for (int i = 0; i < 12; i++) {
                UUID lead = UUID.randomUUID();
                // one open lead per card: the first stages are open, the last only on cards with an open one already
                String stage = STAGES[i % STAGES.length];
                jdbc.sql("""
                        INSERT INTO leads (id, tenant_id, contact_card_id, stage, assigned_rep_user_id, csr_user_id)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(lead, tenant.value(), t.cards().get(i), stage, i % 4 == 3 ? null : pick(reps), pick(csrs)).update();
                t.leads().add(lead);
            }
            return null;
        });
        return t;
    }

    /** Every kind of change, each in its own transaction (some rows changed twice). */
    public void change(Tenant t) {
        for (int i = 0; i < t.calls().size(); i++) {
            UUID id = t.calls().get(i);
            int kind = i % 13;
            inTenant(t.id(), () -> {
                switch (kind) {
                    case 0 -> jdbc.sql("""
                            UPDATE analyses SET qualification = ?, booking_status = ?, objection_categories = ?::text[], qa_score = ?
                            WHERE conversation_id = ?""")
                            .params(pick(QUALIFICATIONS), pick(BOOKING), objections(), qa(), id).update();
                    case 1 -> jdbc.sql("DELETE FROM analyses WHERE conversation_id = ?").param(id).update();
                    case 2 -> jdbc.sql("UPDATE conversations SET agent_user_id = ? WHERE id = ?").params(pick(t.csrs()), id).update();
                    case 3 -> jdbc.sql("UPDATE conversations SET started_at = started_at - interval '3 days' WHERE id = ?")
                            .param(id).update();
                    case 4 -> jdbc.sql("UPDATE conversations SET contact_card_id = ? WHERE id = ?").params(pick(t.cards()), id).update();
                    case 5 -> jdbc.sql("DELETE FROM conversations WHERE id = ?").param(id).update();
                    case 6 -> jdbc.sql("UPDATE conversations SET contact_card_id = NULL, customer_name = 'Renamed' WHERE id = ?")
                            .param(id).update();
                    case 7 -> {
                        jdbc.sql("DELETE FROM analyses WHERE conversation_id = ?").param(id).update();
                        analysis(t, id);
                    }
                    case 8 -> jdbc.sql("UPDATE conversations SET direction = 'outbound' WHERE id = ?").param(id).update();
                    case 9 -> jdbc.sql("UPDATE conversations SET updated_at = now(), status = 'completed' WHERE id = ?").param(id).update();
                    case 10 -> jdbc.sql("UPDATE analyses SET summary = 'unrelated change' WHERE conversation_id = ?").param(id).update();
                    default -> jdbc.sql("UPDATE analyses SET booking_status = 'booked' WHERE conversation_id = ?").param(id).update();
                }
                return null;
            });
        }
        for (int i = 0; i < t.visits().size(); i++) {
            UUID id = t.visits().get(i);
            int kind = i % 6;
            inTenant(t.id(), () -> {
                switch (kind) {
                    case 0 -> jdbc.sql("UPDATE analyses SET qa_score = ? WHERE conversation_id = ?").params(qa(), id).update();
                    case 1 -> jdbc.sql("DELETE FROM analyses WHERE conversation_id = ?").param(id).update();
                    case 2 -> jdbc.sql("UPDATE conversations SET attributes = jsonb_build_object('appointment_id', ?::text) WHERE id = ?")
                            .params(pick(t.appointments()).toString(), id).update();
                    case 3 -> jdbc.sql("UPDATE conversations SET agent_user_id = ?, duration_seconds = 1800 WHERE id = ?")
                            .params(pick(t.reps()), id).update();
                    case 4 -> jdbc.sql("DELETE FROM conversations WHERE id = ?").param(id).update();
                    default -> jdbc.sql("UPDATE conversations SET started_at = started_at + interval '1 day' WHERE id = ?")
                            .param(id).update();
                }
                return null;
            });
        }
        for (int i = 0; i < t.appointments().size(); i++) {
            UUID id = t.appointments().get(i);
            int kind = i % 10;
            inTenant(t.id(), () -> {
                switch (kind) {
                    case 0 -> jdbc.sql("UPDATE appointments SET status = 'completed', outcome = ?, deal_value = ? WHERE id = ?")
                            .params(pick(OUTCOMES), random.nextInt(20000), id).update();
                    case 1 -> jdbc.sql("UPDATE appointments SET status = 'cancelled' WHERE id = ?").param(id).update();
                    case 2 -> jdbc.sql("UPDATE appointments SET sales_rep_id = ? WHERE id = ?").params(pick(t.reps()), id).update();
                    case 3 -> {
                        int s = slot++;
                        jdbc.sql("""
                                UPDATE appointments SET scheduled_start = date_trunc('hour', now()) - interval '1 hour' * ?,
                                    scheduled_end = date_trunc('hour', now()) - interval '1 hour' * ? + interval '1 hour' WHERE id = ?""")
                                .params(2900 - s * 7, 2900 - s * 7, id).update();
                    }
                    case 4 -> jdbc.sql("UPDATE appointments SET created_at = created_at - interval '2 days' WHERE id = ?").param(id).update();
                    case 5 -> jdbc.sql("UPDATE appointments SET booked_by_id = ? WHERE id = ?").params(pick(t.csrs()), id).update();
                    case 6 -> jdbc.sql("UPDATE appointments SET contact_card_id = NULL WHERE id = ?").param(id).update();
                    case 7 -> jdbc.sql("DELETE FROM appointments WHERE id = ?").param(id).update();
                    case 8 -> jdbc.sql("UPDATE appointments SET notes = 'unrelated', updated_at = now() WHERE id = ?").param(id).update();
                    default -> jdbc.sql("UPDATE appointments SET booked_by_id = NULL WHERE id = ?").param(id).update();
                }
                return null;
            });
        }
        for (int i = 0; i < t.leads().size(); i++) {
            UUID id = t.leads().get(i);
            int kind = i % 4;
            inTenant(t.id(), () -> {
                switch (kind) {
                    case 0 -> jdbc.sql("UPDATE leads SET stage = 'dead' WHERE id = ?").param(id).update();
                    case 1 -> jdbc.sql("UPDATE leads SET assigned_rep_user_id = ? WHERE id = ?").params(pick(t.reps()), id).update();
                    case 2 -> jdbc.sql("DELETE FROM leads WHERE id = ?").param(id).update();
                    default -> jdbc.sql("UPDATE leads SET assigned_rep_user_id = NULL WHERE id = ?").param(id).update();
                }
                return null;
            });
        }
        // Texts: sent later, moved to another card, deleted (speed-to-lead's responses).
        inTenant(t.id(), () -> {
            jdbc.sql("UPDATE messages SET status = 'sent', sent_at = now() - interval '3 days' WHERE tenant_id = ? AND status = 'queued'")
                    .param(t.id().value()).update();
            jdbc.sql("""
                    UPDATE messages SET contact_card_id = ? WHERE id = (SELECT min(id::text)::uuid FROM messages
                    WHERE tenant_id = ? AND status = 'delivered')""").params(pick(t.cards()), t.id().value()).update();
            jdbc.sql("DELETE FROM messages WHERE id = (SELECT max(id::text)::uuid FROM messages WHERE tenant_id = ? AND status = 'sent')")
                    .param(t.id().value()).update();
            return null;
        });
        // Bulk statements touching many rows (and days) at once (not the missed calls: their rescues stay as they are).
        inTenant(t.id(), () -> {
            jdbc.sql("""
                    UPDATE conversations SET started_at = started_at + interval '5 hours'
                    WHERE tenant_id = ? AND channel = 'phone' AND customer_name IS DISTINCT FROM 'Missed Caller'""")
                    .param(t.id().value()).update();
            jdbc.sql("UPDATE analyses SET qa_score = qa_score + 1 WHERE tenant_id = ? AND qa_score < 90").param(t.id().value()).update();
            jdbc.sql("UPDATE appointments SET created_at = created_at + interval '20 hours' WHERE tenant_id = ?").param(t.id().value()).update();
            return null;
        });
    }

    private UUID appointment(Tenant t, int i) {
        UUID id = UUID.randomUUID();
        int s = slot++;
        int hoursAgo = 2880 - s * 7; // one slot each, from 120 days ago to two weeks ahead: never overlapping
        String status = hoursAgo < 0 ? "scheduled" : STATUSES[random.nextInt(STATUSES.length)];
        String outcome = "completed".equals(status) ? OUTCOMES[random.nextInt(OUTCOMES.length)] : "open";
        jdbc.sql("""
                INSERT INTO appointments (id, tenant_id, contact_card_id, sales_rep_id, booked_by_id, scheduled_start, scheduled_end,
                    status, outcome, deal_value, created_at)
                VALUES (?, ?, ?, ?, ?, date_trunc('hour', now()) - interval '1 hour' * ?,
                        date_trunc('hour', now()) - interval '1 hour' * ? + interval '1 hour', ?, ?, ?,
                        now() - interval '1 hour' * ?)""")
                .params(id, t.id().value(), i % 5 == 4 ? null : pick(t.cards()), pick(t.reps()), i % 6 == 5 ? null : pick(t.csrs()),
                        hoursAgo, hoursAgo, status, outcome, "closed_won".equals(outcome) ? 500 + random.nextInt(30000) : null,
                        Math.max(hoursAgo, 0) + 24 + random.nextInt(24 * 20))
                .update();
        return id;
    }

    /**
     * A missed call (as CallRail marks one) that rang for a CSR or nobody, then for most a voice-agent, chat or phone
     * conversation of the same card, and then a booking (an appointment or a call marked booked) or none: rescues by
     * ai_voice, ai_sms and human, and calls left on the queue.
     */
    private void missedAndRescued(Tenant t, int i) {
        // a card of its own: another call of the card between the miss and the booking would decide the attribution
        UUID card = UUID.randomUUID();
        jdbc.sql("INSERT INTO contact_card (id, tenant_id, full_name) VALUES (?, ?, ?)").params(card, t.id().value(), "Missed " + i).update();
        int minutesAgo = 60 * 24 * (2 + random.nextInt(100));
        conversation(t, "phone", "inbound", i % 5 == 4 ? null : pick(t.csrs()), card, minutesAgo, "{\"call_type\": \"missed\"}");
        if (i % 4 != 3) {
            String channel = i % 4 == 0 ? "voice_agent" : i % 4 == 1 ? "chat" : "phone";
            conversation(t, channel, "outbound", null, card, minutesAgo - 60, "{}");
        }
        if (i % 8 == 3) {
            // a text half an hour after the miss: speed-to-lead's first response is the SMS
            jdbc.sql("""
                    INSERT INTO messages (id, tenant_id, channel, to_address, body, contact_card_id, status, created_by, sent_at)
                    VALUES (?, ?, 'sms', '+17375550999', 'Sorry we missed you', ?, 'delivered', ?, now() - interval '1 minute' * ?)""")
                    .params(UUID.randomUUID(), t.id().value(), card, pick(t.csrs()), minutesAgo - 30).update();
        }
        if (i % 3 == 2) {
            UUID call = conversation(t, "phone", "inbound", pick(t.csrs()), card, minutesAgo - 120, "{}");
            jdbc.sql("""
                    INSERT INTO analyses (conversation_id, tenant_id, qualification, booking_status, call_record)
                    VALUES (?, ?, 'hot', 'booked', '{}'::jsonb)""").params(call, t.id().value()).update();
        } else if (i % 5 != 3) {
            int s = slot++;
            jdbc.sql("""
                    INSERT INTO appointments (id, tenant_id, contact_card_id, sales_rep_id, booked_by_id, scheduled_start,
                        scheduled_end, created_at)
                    VALUES (?, ?, ?, ?, ?, date_trunc('hour', now()) - interval '1 hour' * ?,
                            date_trunc('hour', now()) - interval '1 hour' * ? + interval '1 hour', now() - interval '1 minute' * ?)""")
                    .params(UUID.randomUUID(), t.id().value(), card, pick(t.reps()), pick(t.csrs()), 2880 - s * 7, 2880 - s * 7,
                            minutesAgo - 180).update();
        }
    }

    /** A text to a card (speed-to-lead counts a sent or delivered SMS as a response), by a person or automatic. */
    private void sms(Tenant t, int i) {
        String[] statuses = {"sent", "delivered", "queued", "failed", "not_sent"};
        jdbc.sql("""
                INSERT INTO messages (id, tenant_id, channel, to_address, body, purpose, contact_card_id, status, created_by,
                    created_at, sent_at)
                VALUES (?, ?, 'sms', '+15125550100', 'We missed your call', 'manual', ?, ?, ?, now() - interval '1 minute' * ?,
                        now() - interval '1 minute' * ?)""")
                .params(UUID.randomUUID(), t.id().value(), pick(t.cards()), statuses[i % statuses.length],
                        i % 3 == 0 ? null : pick(t.csrs()), 60 * 24 * (i * 5), 60 * 24 * (i * 5) - 2).update();
    }

    private UUID conversation(Tenant t, String channel, String direction, UUID agent, UUID card, int minutesAgo, String attributes) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO conversations (id, tenant_id, source, request_fingerprint, direction, channel, started_at, agent_user_id,
                    customer_name, customer_phone, contact_card_id, input_kind, status, attributes)
                VALUES (?, ?, 'rollup-test', 'fp', ?, ?, now() - interval '1 minute' * ?, ?, 'Missed Caller', '+17375550999', ?,
                        'transcript', 'completed', ?::jsonb)""")
                .params(id, t.id().value(), direction, channel, minutesAgo, agent, card, attributes).update();
        return id;
    }

    /** A lead-call candidate (inbound phone call with a CSR) or a field visit (maybe pointing to an appointment). */
    private UUID call(Tenant t, int i, boolean visit) {
        UUID id = UUID.randomUUID();
        UUID agent = visit ? pick(t.reps()) : i % 10 == 9 ? null : pick(t.csrs());
        String attributes = visit && i % 3 != 2 ? "{\"appointment_id\": \"" + t.appointments().get(i % t.appointments().size()) + "\"}" : "{}";
        jdbc.sql("""
                INSERT INTO conversations (id, tenant_id, source, request_fingerprint, direction, channel, started_at, agent_user_id,
                    customer_name, customer_phone, contact_card_id, input_kind, status, duration_seconds, attributes)
                VALUES (?, ?, 'rollup-test', 'fp', ?, ?, now() - interval '1 minute' * ?, ?, ?, ?, ?, 'transcript', 'completed', ?,
                        ?::jsonb)""")
                .params(id, t.id().value(), visit ? "in_person" : i % 11 == 10 ? "outbound" : "inbound", visit ? "field_visit" : "phone",
                        random.nextInt(60 * 24 * 120), agent, "Caller " + i, "+1737555" + (1000 + i), i % 4 == 3 ? null : pick(t.cards()),
                        60 * (5 + random.nextInt(90)), attributes)
                .update();
        if (i % 8 != 7) {
            analysis(t, id);
        }
        return id;
    }

    private void analysis(Tenant t, UUID conversation) {
        jdbc.sql("""
                INSERT INTO analyses (conversation_id, tenant_id, qualification, booking_status, objection_categories, qa_score, call_record)
                VALUES (?, ?, ?, ?, ?::text[], ?, '{}'::jsonb)""")
                .params(conversation, t.id().value(), pick(QUALIFICATIONS), pick(BOOKING), objections(), qa()).update();
    }

    private String objections() {
        StringBuilder s = new StringBuilder("{");
        int n = random.nextInt(3);
        for (int k = 0; k < n; k++) {
            s.append(k == 0 ? "" : ",").append(OBJECTIONS[random.nextInt(OBJECTIONS.length)]);
        }
        return s.append('}').toString();
    }

    private Float qa() {
        return random.nextInt(6) == 0 ? null : 40f + random.nextInt(600) / 10f;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactions).execute(tx -> work.get()));
    }

    /** The four roll-up tables equal their definitions over the tenant's rows, in both directions, and hold no other tenant. */
    public void assertRollupsEqualDefinitions(TenantId tenant) {
        inTenant(tenant, () -> {
            for (String[] pair : List.of(
                    new String[] {"csr_contact_days", "csr_contact_days_of(:t, '-infinity', 'infinity')"},
                    new String[] {"csr_objection_days", "csr_objection_days_of(:t, '-infinity', 'infinity')"},
                    new String[] {"sales_rep_days", "sales_rep_days_of(:t, '-infinity', 'infinity')"},
                    // V49: per-day and per-month summaries, and the contact-days seen before
                    new String[] {"csr_days", "csr_days_of(:t)"},
                    new String[] {"csr_months", "csr_months_of(:t)"},
                    new String[] {"csr_contact_repeats", "csr_contact_repeats_of(:t)"},
                    new String[] {"sales_rep_months", "sales_rep_months_of(:t)"},
                    // V50: each contact's first lead and first response
                    new String[] {"lead_responses", "lead_responses_of(:t, NULL)"},
                    new String[] {"sales_pending_leads", """
                            (SELECT tenant_id, assigned_rep_user_id, count(*)::integer FROM leads
                             WHERE tenant_id = :t AND assigned_rep_user_id IS NOT NULL AND stage IN ('new', 'qualified', 'pending')
                             GROUP BY 1, 2) x"""})) {
                String rollup = "SELECT * FROM " + pair[0] + " WHERE tenant_id = :t";
                String fresh = "SELECT * FROM " + pair[1];
                assertThat(jdbc.sql("SELECT count(*) FROM " + pair[0]).query(Long.class).single()).as(pair[0]).isPositive();
                assertThat(jdbc.sql("(" + rollup + ") EXCEPT ALL (" + fresh + ")").param("t", tenant.value()).query().listOfRows())
                        .as(pair[0] + " rows the definition does not give").isEmpty();
                assertThat(jdbc.sql("(" + fresh + ") EXCEPT ALL (" + rollup + ")").param("t", tenant.value()).query().listOfRows())
                        .as(pair[0] + " rows missing").isEmpty();
                assertThat(jdbc.sql("SELECT count(*) FROM " + pair[0] + " WHERE tenant_id <> :t").param("t", tenant.value())
                        .query(Long.class).single()).as("another tenant's " + pair[0] + " rows").isZero();
            }
            return null;
        });
    }
}
