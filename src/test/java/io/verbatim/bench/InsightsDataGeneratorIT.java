package io.verbatim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.identity.UserProvisioning;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The insights data generator at a tiny size: consistent rows, visible to their own tenant only, searchable, resumable. */
class InsightsDataGeneratorIT extends PlatformTest {

    private static final String TENANT = "bench-gen-test";
    private static final int SIZE = 2000;

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Tenants tenants;

    @Autowired
    UserProvisioning provisioning;

    @Test
    void generatesConsistentSearchableTenantIsolatedConversations() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        InsightsDataGenerator generator = new InsightsDataGenerator(owner, tenants, provisioning,
                new PrintStream(log, true, StandardCharsets.UTF_8)).batchSize(700);
        Instant anchor = Instant.now().truncatedTo(ChronoUnit.HOURS);
        InsightsDataGenerator.TenantSpec spec = new InsightsDataGenerator.TenantSpec(TENANT, "Bench Generator Test", SIZE, 42);

        assertThat(generator.load(spec, anchor).conversations()).isEqualTo(SIZE);

        JdbcClient db = JdbcClient.create(owner);
        Map<String, Object> counts = db.sql("""
                SELECT count(*) AS conversations,
                       count(*) FILTER (WHERE c.status = 'completed') AS completed,
                       count(*) FILTER (WHERE c.status = 'completed' AND (t.conversation_id IS NULL OR a.conversation_id IS NULL)) AS incomplete,
                       count(*) FILTER (WHERE c.status <> 'completed' AND (t.conversation_id IS NOT NULL OR a.conversation_id IS NOT NULL)) AS extra,
                       count(*) FILTER (WHERE c.status = 'completed' AND (SELECT count(*) FROM qa_item_results q
                                        WHERE q.conversation_id = c.id) NOT BETWEEN 10 AND 16) AS bad_items,
                       count(*) FILTER (WHERE t.search IS NULL AND t.conversation_id IS NOT NULL) AS unsearchable,
                       count(*) FILTER (WHERE a.auto_failed AND a.qa_score <> 0) AS autofail_with_score,
                       count(*) FILTER (WHERE a.call_record ->> 'call_reason' IS DISTINCT FROM a.call_reason
                                        AND a.conversation_id IS NOT NULL) AS record_mismatch,
                       count(*) FILTER (WHERE (a.qa_record ->> 'score')::real IS DISTINCT FROM a.qa_score
                                        AND a.conversation_id IS NOT NULL) AS score_mismatch,
                       count(*) FILTER (WHERE c.agent_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u
                                        WHERE u.id = c.agent_user_id AND u.team_id = c.team_id AND u.role = 'agent')) AS bad_agent,
                       count(*) FILTER (WHERE c.occurred_at < now() - interval '366 days' OR c.occurred_at > now()) AS out_of_range
                FROM conversations c
                LEFT JOIN transcripts t ON t.conversation_id = c.id
                LEFT JOIN analyses a ON a.conversation_id = c.id
                WHERE c.tenant_id = ?""").param(TENANT).query().singleRow();
        assertThat(((Number) counts.get("conversations")).intValue()).isEqualTo(SIZE);
        assertThat(((Number) counts.get("completed")).intValue()).isBetween((int) (SIZE * 0.95), SIZE - 1);
        for (String zero : new String[] {"incomplete", "extra", "bad_items", "unsearchable", "autofail_with_score", "record_mismatch",
            "score_mismatch", "bad_agent", "out_of_range"}) {
            assertThat(((Number) counts.get(zero)).intValue()).as(zero).isZero();
        }
        // Issue 13: every call belongs to a contact card with its phone; appointments of sales reps booked by CSRs, with
        // outcomes and deal values that agree; visits recorded on an appointment of their own rep that day; leads; missed calls.
        Map<String, Object> sales = db.sql("""
                SELECT (SELECT count(*) FROM contact_card WHERE tenant_id = :t) AS cards,
                       (SELECT count(*) FROM appointments WHERE tenant_id = :t) AS appointments,
                       (SELECT count(*) FROM leads WHERE tenant_id = :t) AS leads,
                       (SELECT count(*) FROM conversations c WHERE c.tenant_id = :t AND NOT EXISTS (SELECT 1 FROM contact_card k
                           WHERE k.id = c.contact_card_id AND k.primary_phone = c.customer_phone)) AS unlinked,
                       (SELECT count(*) FROM appointments a WHERE a.tenant_id = :t AND NOT EXISTS (SELECT 1 FROM users u
                           WHERE u.id = a.sales_rep_id AND u.agent_kind = 'sales_rep')) AS bad_rep,
                       (SELECT count(*) FROM appointments a WHERE a.tenant_id = :t AND a.booked_by_id IS NOT NULL AND NOT EXISTS (
                           SELECT 1 FROM users u WHERE u.id = a.booked_by_id AND u.agent_kind = 'csr')) AS bad_csr,
                       (SELECT count(*) FROM appointments a WHERE a.tenant_id = :t AND a.outcome <> 'open' AND a.status <> 'completed') AS bad_outcome,
                       (SELECT count(*) FROM appointments a WHERE a.tenant_id = :t
                           AND (a.deal_value IS NOT NULL) <> (a.outcome = 'closed_won')) AS bad_deal,
                       (SELECT count(*) FROM appointments a WHERE a.tenant_id = :t AND a.status IN ('completed', 'no_show')
                           AND a.scheduled_start > now()) AS future_done,
                       (SELECT count(*) FROM conversations c WHERE c.tenant_id = :t AND c.attributes ->> 'appointment_id' IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.id::text = c.attributes ->> 'appointment_id'
                               AND a.sales_rep_id = c.agent_user_id AND c.channel = 'field_visit'
                               AND (a.scheduled_start AT TIME ZONE 'UTC')::date = (c.occurred_at AT TIME ZONE 'UTC')::date)) AS bad_visit,
                       (SELECT count(*) FROM conversations WHERE tenant_id = :t AND missed_reason IS NOT NULL) AS missed
                """).param("t", TENANT).query().singleRow();
        assertThat(((Number) sales.get("cards")).intValue()).isEqualTo(SIZE * 2 / 5);
        assertThat(((Number) sales.get("appointments")).intValue()).isEqualTo(SIZE * 3 / 10);
        assertThat(((Number) sales.get("leads")).intValue()).isEqualTo(SIZE * 2 / 5 / 5 * 3);
        assertThat(((Number) sales.get("missed")).intValue()).isBetween(SIZE / 200, SIZE / 20);
        for (String zero : new String[] {"unlinked", "bad_rep", "bad_csr", "bad_outcome", "bad_deal", "future_done", "bad_visit"}) {
            assertThat(((Number) sales.get(zero)).intValue()).as(zero).isZero();
        }

        // Full text finds realistic shares of calls; the roll-up days are marked for the insights module.
        long cancel = db.sql("SELECT count(*) FROM transcripts WHERE tenant_id = ? AND search @@ plainto_tsquery('english', 'cancel')")
                .param(TENANT).query(Long.class).single();
        long completed = ((Number) counts.get("completed")).longValue();
        assertThat(cancel).isBetween(completed / 50, completed / 3);
        // A day is marked for the roll-ups, or the background refresh (every few seconds) has already rolled it up.
        long markedDays = db.sql("""
                SELECT count(*) FROM (SELECT day FROM rollup_changes WHERE tenant_id = ?
                                      UNION SELECT day FROM daily_conversation_stats WHERE tenant_id = ?) marked_or_rolled_up""")
                .params(TENANT, TENANT).query(Long.class).single();
        long days = db.sql("SELECT count(DISTINCT (occurred_at AT TIME ZONE 'UTC')::date) FROM conversations WHERE tenant_id = ?")
                .param(TENANT).query(Long.class).single();
        assertThat(markedDays).isEqualTo(days);
        // The roll-up triggers are back on after the load.
        assertThat(db.sql("SELECT count(*) FROM pg_trigger WHERE tgname IN ('conversations_rollup', 'analyses_rollup', "
                + "'conversations_rollups', 'analyses_rollups', 'conversations_lead_responses_insert', 'analyses_lead_responses', "
                + "'appointments_rollups') AND tgenabled = 'O'").query(Long.class).single()).isEqualTo(7);
        // The sales/CSR roll-ups and the speed-to-lead rows, rebuilt after the load instead of refreshed by the row
        // triggers, are exactly what their definitions compute from scratch (V43, V49, V50).
        for (String[] table : new String[][] {
            {"csr_contact_days", "csr_contact_days_of(:t, '-infinity', 'infinity')"},
            {"csr_objection_days", "csr_objection_days_of(:t, '-infinity', 'infinity')"},
            {"sales_rep_days", "sales_rep_days_of(:t, '-infinity', 'infinity')"},
            {"csr_days", "csr_days_of(:t)"},
            {"csr_months", "csr_months_of(:t)"},
            {"csr_contact_repeats", "csr_contact_repeats_of(:t)"},
            {"sales_rep_months", "sales_rep_months_of(:t)"},
            {"lead_responses", "lead_responses_of(:t, NULL)"}}) {
            long rows = db.sql("SELECT count(*) FROM " + table[0] + " WHERE tenant_id = :t").param("t", TENANT).query(Long.class).single();
            long differing = db.sql("SELECT count(*) FROM ((SELECT * FROM " + table[0] + " WHERE tenant_id = :t EXCEPT ALL SELECT * FROM "
                    + table[1] + ") UNION ALL (SELECT * FROM " + table[1] + " EXCEPT ALL SELECT * FROM " + table[0]
                    + " WHERE tenant_id = :t)) d").param("t", TENANT).query(Long.class).single();
            assertThat(rows).as(table[0]).isPositive();
            assertThat(differing).as(table[0]).isZero();
        }

        // Row-level security: the application role sees the rows as this tenant, and none as another.
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long visible = TenantContext.callAs(new TenantId(TENANT), () -> tx.execute(s ->
                jdbc.sql("SELECT count(*) FROM conversations c JOIN analyses a ON a.conversation_id = c.id").query(Long.class).single()));
        assertThat(visible).isEqualTo(completed);
        long leaked = TenantContext.callAs(new TenantId("demo-tenant"), () -> tx.execute(s ->
                jdbc.sql("SELECT count(*) FROM conversations WHERE tenant_id = ?").param(TENANT).query(Long.class).single()));
        assertThat(leaked).isZero();

        // Resumable and idempotent: a second run adds nothing.
        assertThat(generator.load(spec, anchor).conversations()).isZero();
        // The bench accounts can sign in.
        var login = api.post("/api/v1/auth/login", null,
                "{\"email\":\"admin@" + TENANT + ".bench\",\"password\":\"" + InsightsDataGenerator.PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
    }
}
