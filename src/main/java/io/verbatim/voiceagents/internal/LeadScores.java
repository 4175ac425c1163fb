package io.verbatim.voiceagents.internal;

import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.PiiAccess;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's lead scores: recomputed from all of a caller's voice-agent calls whenever one of them is
 * analysed, read with recency measured at the time of reading, and the "call back first" list.
 */
@Component
class LeadScores {

    private static final TypeReference<List<LeadScoring.Factor>> FACTORS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    /** Candidates read for the call-back list before re-ageing and ranking: the list is a short work queue. */
    private static final int CANDIDATES = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Conversations conversations;
    private final PiiAccess pii;
    private final Clock clock = Clock.systemUTC();

    LeadScores(JdbcClient jdbc, JsonMapper json, Conversations conversations, PiiAccess pii) {
        this.jdbc = jdbc;
        this.json = json;
        this.conversations = conversations;
        this.pii = pii;
    }

    /** A caller's score as read now; {@code phone} is null for a reader who may not see personal data. */
    record LeadScore(UUID id, UUID contactCardId, String name, String phone, int score, List<LeadScoring.Factor> factors,
                     int calls, boolean booked, Instant lastCallAt, UUID lastConversationId, Instant calledBackAt,
                     Instant computedAt) {
    }

    /** Rescores the caller of this voice-agent call (joins the transaction that saved the analysis). */
    @Transactional
    void recompute(UUID conversationId) {
        Caller caller = jdbc.sql("SELECT contact_card_id, customer_name, customer_phone FROM conversations WHERE tenant_id = ? AND id = ?")
                .params(tenant(), conversationId)
                .query((rs, n) -> new Caller(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional().orElse(null);
        if (caller == null) {
            return;
        }
        // one rescoring of a caller at a time: a concurrent one waits, then reads this one's committed calls
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("lead_score:" + tenant() + ":" + (caller.card() != null ? caller.card() : conversationId)).query().listOfRows();
        List<LeadScoring.CallFacts> facts = facts(caller.card(), conversationId);
        if (facts.isEmpty()) {
            return;
        }
        LeadScoring.CallFacts last = facts.stream().max(Comparator.comparing(LeadScoring.CallFacts::at)).orElseThrow();
        LeadScoring.Result result = LeadScoring.score(facts, clock.instant());
        boolean booked = result.factors().stream().anyMatch(f -> "booked".equals(f.factor()) && f.points() > 0);
        String conflict = caller.card() != null ? "(tenant_id, contact_card_id) WHERE contact_card_id IS NOT NULL"
                : "(tenant_id, caller_conversation_id) WHERE contact_card_id IS NULL";
        jdbc.sql("""
                INSERT INTO lead_scores (id, tenant_id, contact_card_id, caller_conversation_id, last_conversation_id, caller_name,
                    caller_phone, score, factors, calls, booked, last_call_at, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now())
                ON CONFLICT %s DO UPDATE SET last_conversation_id = EXCLUDED.last_conversation_id,
                    caller_name = coalesce(EXCLUDED.caller_name, lead_scores.caller_name),
                    caller_phone = coalesce(EXCLUDED.caller_phone, lead_scores.caller_phone), score = EXCLUDED.score,
                    factors = EXCLUDED.factors, calls = EXCLUDED.calls, booked = EXCLUDED.booked,
                    last_call_at = EXCLUDED.last_call_at, computed_at = now()""".formatted(conflict))
                .params(UUID.randomUUID(), tenant(), caller.card(), caller.card() == null ? conversationId : null,
                        last.conversationId(), caller.name(), caller.phone(), result.score(),
                        json.writeValueAsString(result.factors()), facts.size(), booked, Timestamp.from(last.at()))
                .update();
    }

    /**
     * A contact merge (inside the merging transaction, after the conversations moved to the survivor): the duplicate's
     * score goes, the survivor is rescored from all the calls it now has, and keeps the later "called back" of the two.
     */
    @Transactional
    void merged(UUID survivor, UUID duplicate) {
        List<Timestamp> calledBack = jdbc.sql("DELETE FROM lead_scores WHERE tenant_id = ? AND contact_card_id = ? RETURNING called_back_at")
                .params(tenant(), duplicate).query((rs, n) -> rs.getTimestamp(1)).list();
        jdbc.sql("""
                SELECT v.conversation_id FROM voice_calls v JOIN conversations c ON c.tenant_id = v.tenant_id AND c.id = v.conversation_id
                WHERE v.tenant_id = ? AND c.contact_card_id = ? ORDER BY c.occurred_at DESC, c.id LIMIT 1""")
                .params(tenant(), survivor).query(UUID.class).optional().ifPresent(this::recompute);
        calledBack.stream().filter(java.util.Objects::nonNull).findFirst().ifPresent(at -> jdbc.sql("""
                UPDATE lead_scores SET called_back_at = greatest(called_back_at, ?) WHERE tenant_id = ? AND contact_card_id = ?""")
                .params(at, tenant(), survivor).update());
    }

    private record Caller(UUID card, String name, String phone) {
    }

    private record Row(UUID id, Instant at, String qualification, String booking, String sentiment, Double opportunity,
                       Double talk, String structured, String summary) {
    }

    private List<LeadScoring.CallFacts> facts(UUID card, UUID conversationId) {
        List<Row> rows = jdbc.sql("""
                SELECT c.id, c.occurred_at, a.qualification, a.booking_status, a.customer_sentiment, a.commercial_opportunity,
                       a.customer_talk_seconds, c.attributes -> 'structured_data' AS structured, c.attributes ->> 'summary' AS summary
                FROM voice_calls v JOIN conversations c ON c.tenant_id = v.tenant_id AND c.id = v.conversation_id
                LEFT JOIN analyses a ON a.tenant_id = v.tenant_id AND a.conversation_id = v.conversation_id
                WHERE v.tenant_id = ? AND (c.contact_card_id = ? OR (CAST(? AS uuid) IS NULL AND c.id = ?))
                ORDER BY c.occurred_at, c.id""")
                .params(tenant(), card, card, conversationId)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("qualification"), rs.getString("booking_status"), rs.getString("customer_sentiment"),
                        number(rs, "commercial_opportunity"), number(rs, "customer_talk_seconds"), rs.getString("structured"),
                        rs.getString("summary")))
                .list();
        List<LeadScoring.CallFacts> facts = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> data = r.structured() == null || !r.structured().startsWith("{") ? Map.of()
                    : json.readValue(r.structured(), MAP);
            facts.add(new LeadScoring.CallFacts(r.id(), r.at(), r.qualification(), r.booking(), r.sentiment(), r.opportunity(),
                    r.talk(), data, callerLines(r.id(), r.summary())));
        }
        return facts;
    }

    /** The caller's own words (redacted when the tenant redacts, so a cited quote holds no personal data), then the summary. */
    private List<String> callerLines(UUID conversation, String summary) {
        Optional<Transcript> transcript = pii.redactionOn() ? conversations.redactedTranscript(conversation)
                : conversations.transcript(conversation);
        List<String> lines = new ArrayList<>();
        transcript.ifPresent(t -> t.turns().stream().filter(turn -> turn.speaker() == Speaker.CUSTOMER)
                .map(turn -> turn.text()).filter(text -> text != null && !text.isBlank()).forEach(lines::add));
        if (summary != null && !summary.isBlank() && !pii.redactionOn()) {
            lines.add(summary);
        }
        return lines;
    }

    @Transactional(readOnly = true)
    Optional<LeadScore> find(UUID id) {
        return jdbc.sql("SELECT * FROM lead_scores WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(this::row).optional();
    }

    @Transactional(readOnly = true)
    Optional<LeadScore> ofContact(UUID contactCardId) {
        return jdbc.sql("SELECT * FROM lead_scores WHERE tenant_id = ? AND contact_card_id = ?").params(tenant(), contactCardId)
                .query(this::row).optional();
    }

    /** Every scored caller, best first. */
    @Transactional(readOnly = true)
    List<LeadScore> all(int limit) {
        return ranked(jdbc.sql("SELECT * FROM lead_scores WHERE tenant_id = ? ORDER BY score DESC, last_call_at DESC LIMIT ?")
                .params(tenant(), CANDIDATES).query(this::row).list(), limit);
    }

    /**
     * Callers to call back, best first: nothing booked (in a call, or an appointment of their card since the call or
     * still to come), and nobody called them back since their last call (marked here, or a later conversation with
     * them that was not a voice-agent call).
     */
    @Transactional(readOnly = true)
    List<LeadScore> callBackFirst(int limit) {
        return ranked(jdbc.sql("""
                SELECT s.* FROM lead_scores s
                WHERE s.tenant_id = :t AND NOT s.booked
                  AND (s.called_back_at IS NULL OR s.called_back_at < s.last_call_at)
                  AND NOT EXISTS (SELECT 1 FROM appointments ap WHERE ap.tenant_id = :t AND ap.contact_card_id = s.contact_card_id
                                  AND ap.status <> 'cancelled' AND (ap.created_at >= s.last_call_at OR ap.scheduled_end > now()))
                  AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.tenant_id = :t AND c.contact_card_id = s.contact_card_id
                                  AND c.channel <> 'voice_agent' AND c.occurred_at > s.last_call_at)
                ORDER BY s.score DESC, s.last_call_at DESC LIMIT :n""")
                .param("t", tenant()).param("n", CANDIDATES).query(this::row).list(), limit);
    }

    @Transactional
    Optional<LeadScore> markCalledBack(UUID id, UUID by) {
        return jdbc.sql("UPDATE lead_scores SET called_back_at = now(), called_back_by = ? WHERE tenant_id = ? AND id = ? RETURNING *")
                .params(by, tenant(), id).query(this::row).optional();
    }

    /** Recency measured again now, then ranked by the score as of now. */
    private List<LeadScore> ranked(List<LeadScore> rows, int limit) {
        return rows.stream().sorted(Comparator.comparingInt(LeadScore::score).reversed()
                .thenComparing(LeadScore::lastCallAt, Comparator.reverseOrder())).limit(limit).toList();
    }

    private LeadScore row(ResultSet rs, int n) throws SQLException {
        List<LeadScoring.Factor> stored = json.readValue(rs.getString("factors"), FACTORS);
        Instant last = rs.getTimestamp("last_call_at").toInstant();
        UUID lastConversation = rs.getObject("last_conversation_id", UUID.class);
        LeadScoring.Result now = LeadScoring.reage(stored, last, lastConversation, clock.instant());
        Timestamp calledBack = rs.getTimestamp("called_back_at");
        return new LeadScore(rs.getObject("id", UUID.class), rs.getObject("contact_card_id", UUID.class), rs.getString("caller_name"),
                pii.callerSeesPii() ? rs.getString("caller_phone") : null, now.score(), now.factors(), rs.getInt("calls"),
                rs.getBoolean("booked"), last, lastConversation, calledBack == null ? null : calledBack.toInstant(),
                rs.getTimestamp("computed_at").toInstant());
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
