package io.verbatim.conversations;

import io.swagger.v3.oas.annotations.media.Schema;
import io.verbatim.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A conversation's analysis results as the flat v2.0 records (docs/schemas): kept whole as JSON and
 * with the fields dashboards filter and group on as columns. Saving replaces the previous analysis.
 */
@Service
public class ConversationAnalyses {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    public ConversationAnalyses(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** The two flat records of one conversation. */
    public record Records(
            @Schema(description = "The flat call record (docs/schemas/calls-v2.0-flat.schema.json), with every judgment and "
                    + "its confidence in 'judgments' [{field, value, confidence 0..1, source built_in|llm, low_confidence}] and "
                    + "the fields of the low-confidence ones (below 0.6) in 'needs_review' (booking_status, qa.<item>...)")
            JsonNode call,
            @Schema(description = "The flat QA record (docs/schemas/qa-v2.0-flat.schema.json); null when no scorecard applies")
            JsonNode qa) {
    }

    @Transactional
    public void save(UUID conversationId, JsonNode call, JsonNode qa) {
        String tenant = TenantContext.require().value();
        boolean reanalysis = jdbc.sql("SELECT 1 FROM analyses WHERE tenant_id = ? AND conversation_id = ?")
                .params(tenant, conversationId).query(Integer.class).optional().isPresent();
        JsonNode kpis = call.path("kpis");
        JsonNode talk = call.path("talk");
        List<String> objectionCategories = new ArrayList<>();
        call.path("objections").forEach(o -> {
            String category = o.path("category").asString();
            if (!objectionCategories.contains(category)) {
                objectionCategories.add(category);
            }
        });
        jdbc.sql("""
                INSERT INTO analyses (conversation_id, tenant_id, language, customer_sentiment, sentiment_trend, call_reason,
                    booking_status, qualification, outcome, deal_value, resolution, customer_effort, commercial_opportunity,
                    churn_risk, nps_band, agent_talk_seconds, customer_talk_seconds, talk_ratio, non_talk_seconds, scorecard,
                    qa_score, auto_failed, objection_categories, pii_count, summary, call_record, qa_record,
                    agent_interruptions, agent_questions, agent_longest_monologue, trackers, entities, needs_review)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (conversation_id) DO UPDATE SET analysed_at = now(), language = EXCLUDED.language,
                    customer_sentiment = EXCLUDED.customer_sentiment, sentiment_trend = EXCLUDED.sentiment_trend,
                    call_reason = EXCLUDED.call_reason, booking_status = EXCLUDED.booking_status,
                    qualification = EXCLUDED.qualification, outcome = EXCLUDED.outcome, deal_value = EXCLUDED.deal_value,
                    resolution = EXCLUDED.resolution, customer_effort = EXCLUDED.customer_effort,
                    commercial_opportunity = EXCLUDED.commercial_opportunity, churn_risk = EXCLUDED.churn_risk,
                    nps_band = EXCLUDED.nps_band, agent_talk_seconds = EXCLUDED.agent_talk_seconds,
                    customer_talk_seconds = EXCLUDED.customer_talk_seconds, talk_ratio = EXCLUDED.talk_ratio,
                    non_talk_seconds = EXCLUDED.non_talk_seconds, scorecard = EXCLUDED.scorecard,
                    qa_score = EXCLUDED.qa_score, auto_failed = EXCLUDED.auto_failed,
                    objection_categories = EXCLUDED.objection_categories, pii_count = EXCLUDED.pii_count,
                    summary = EXCLUDED.summary, call_record = EXCLUDED.call_record, qa_record = EXCLUDED.qa_record,
                    agent_interruptions = EXCLUDED.agent_interruptions, agent_questions = EXCLUDED.agent_questions,
                    agent_longest_monologue = EXCLUDED.agent_longest_monologue, trackers = EXCLUDED.trackers,
                    entities = EXCLUDED.entities, needs_review = EXCLUDED.needs_review""")
                .params(conversationId, tenant, text(call, "language"), text(call, "customer_sentiment"),
                        text(call, "sentiment_trend"), text(call, "call_reason"), text(call, "booking_status"),
                        text(call, "qualification"), text(call, "outcome"), number(call, "deal_value"), text(call, "resolution"),
                        kpis.path("customer_effort_1to5").isNumber() ? kpis.get("customer_effort_1to5").asInt() : null,
                        number(kpis, "commercial_opportunity"), number(kpis, "churn_risk"), text(kpis, "nps_band"),
                        number(talk, "agent_talk_seconds"), number(talk, "customer_talk_seconds"), number(talk, "talk_ratio"),
                        number(talk, "non_talk_seconds"), qa == null ? null : text(qa, "scorecard"),
                        qa == null ? null : number(qa, "score"), qa != null && qa.path("auto_failed").asBoolean(false),
                        objectionCategories.toArray(String[]::new), call.path("pii").size(), text(call, "summary"),
                        json.writeValueAsString(call), qa == null ? null : json.writeValueAsString(qa),
                        integer(talk.path("interruptions"), "agent"), integer(talk.path("questions"), "agent"),
                        number(talk.path("longest_monologue_seconds"), "agent"), trackers(call), entities(call), needsReview(call))
                .update();
        jdbc.sql("DELETE FROM qa_item_results WHERE tenant_id = ? AND conversation_id = ?").params(tenant, conversationId).update();
        if (qa != null) {
            for (JsonNode item : qa.path("items")) {
                jdbc.sql("""
                        INSERT INTO qa_item_results (conversation_id, tenant_id, scorecard, section, item_key, result)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, item_key) DO NOTHING""")
                        .params(conversationId, tenant, text(qa, "scorecard"), text(item, "section"), text(item, "key"),
                                text(item, "result"))
                        .update();
            }
        }
        events.publishEvent(new AnalysisUpdated(tenant, conversationId, reanalysis));
    }

    @Transactional(readOnly = true)
    public Optional<Records> find(UUID conversationId) {
        return jdbc.sql("SELECT call_record::text AS call, qa_record::text AS qa FROM analyses WHERE tenant_id = ? AND conversation_id = ?")
                .params(TenantContext.require().value(), conversationId)
                .query((rs, n) -> new Records(json.readTree(rs.getString("call")),
                        rs.getString("qa") == null ? null : json.readTree(rs.getString("qa"))))
                .optional();
    }

    /**
     * The records with every detected personal-data string replaced by its type tag wherever it occurs
     * (PII list, summary, evidence quotes), for callers who may not see personal data.
     */
    public Records redacted(Records records) {
        String call = records.call().toString();
        String qa = records.qa() == null ? null : records.qa().toString();
        List<JsonNode> mentions = new ArrayList<>();
        records.call().path("pii").forEach(mentions::add);
        mentions.sort((a, b) -> Integer.compare(b.path("text").asString().length(), a.path("text").asString().length()));
        for (JsonNode mention : mentions) {
            String text = mention.path("text").asString();
            if (text.isBlank()) {
                continue;
            }
            // Replace inside JSON strings: the text as the serialiser escaped it.
            String escaped = json.writeValueAsString(text);
            escaped = escaped.substring(1, escaped.length() - 1);
            String tag = "[" + mention.path("type").asString() + "]";
            call = call.replace(escaped, tag);
            qa = qa == null ? null : qa.replace(escaped, tag);
        }
        return new Records(json.readTree(call), qa == null ? null : json.readTree(qa));
    }

    /** Trackers that fired at least once. */
    private static String[] trackers(JsonNode call) {
        List<String> keys = new ArrayList<>();
        call.path("trackers").forEach(t -> {
            if (t.path("count").asInt(0) > 0 && !keys.contains(t.path("key").asString())) {
                keys.add(t.path("key").asString());
            }
        });
        return keys.toArray(String[]::new);
    }

    /** The judgments marked for review (the explorer's "needs review" filter and the dashboards' share). */
    private static String[] needsReview(JsonNode call) {
        List<String> fields = new ArrayList<>();
        call.path("needs_review").forEach(f -> add(fields, f.asString()));
        return fields.toArray(String[]::new);
    }

    /** What the explorer's entity filter matches: the kinds of personal data mentioned and the key phrases. */
    private static String[] entities(JsonNode call) {
        List<String> entities = new ArrayList<>();
        call.path("pii").forEach(p -> add(entities, p.path("type").asString()));
        call.path("key_phrases").forEach(k -> add(entities, k.path("phrase").asString().toLowerCase(java.util.Locale.ROOT)));
        return entities.toArray(String[]::new);
    }

    private static void add(List<String> values, String value) {
        if (value != null && !value.isBlank() && !values.contains(value)) {
            values.add(value);
        }
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asInt();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }
}
