package io.verbatim.pipeline.internal;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.ScorecardResult;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.enrichment.Enrichment;
import io.verbatim.enrichment.TalkMetrics;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents of DESIGN.md's layout: {@code results/<tenant>/enriched/<id>.json} (transcript +
 * enrichment), {@code final/v1.0/<id>.json} (everything) and the flat {@code final/v2.0-flat/calls/}
 * and {@code qa/} records whose JSON Schemas are published in docs/schemas. The flat records also go
 * to the database, where the dashboards read them.
 */
@Component
class AnalysisDocuments {

    static final String FLAT_VERSION = "2.0";
    static final String FULL_VERSION = "1.0";
    private static final Logger log = LoggerFactory.getLogger(AnalysisDocuments.class);
    private final TenantStorage storage;
    private final Tenants tenants;
    private final ConversationAnalyses analyses;
    private final JsonMapper json;

    AnalysisDocuments(TenantStorage storage, Tenants tenants, ConversationAnalyses analyses, JsonMapper json) {
        this.storage = storage;
        this.tenants = tenants;
        this.analyses = analyses;
        this.json = json;
    }

    void writeEnriched(Conversation conversation, Transcript transcript, Enrichment enrichment) {
        ObjectNode doc = json.createObjectNode();
        doc.put("schema_version", FULL_VERSION);
        doc.put("conversation_id", conversation.id().toString());
        doc.set("transcript", json.valueToTree(transcript));
        doc.set("enrichment", json.valueToTree(enrichment));
        TenantBlobs blobs = blobs(conversation);
        blobs.put(blobs.layout().enrichedTranscript(conversation.id().toString()), json.writeValueAsBytes(doc), BlobAttributes.json());
    }

    Optional<Enrichment> readEnrichment(Conversation conversation) {
        TenantBlobs blobs = blobs(conversation);
        var key = blobs.layout().enrichedTranscript(conversation.id().toString());
        if (!blobs.exists(key)) {
            return Optional.empty();
        }
        try (var content = blobs.get(key)) {
            JsonNode doc = json.readTree(content.readAllBytes());
            return Optional.of(json.treeToValue(doc.get("enrichment"), Enrichment.class));
        } catch (RuntimeException e) {
            log.info("Enriched document of {} is unreadable ({}); enriching again", conversation.id(), e.getMessage());
            return Optional.empty();
        }
    }

    void writeFinal(Conversation conversation, Transcript transcript, Enrichment enrichment, AnalysisResult result) {
        ObjectNode call = callRecord(conversation, transcript, enrichment, result);
        ObjectNode qa = result.scorecard() == null ? null : qaRecord(conversation, result.scorecard());
        ObjectNode full = json.createObjectNode();
        full.put("schema_version", FULL_VERSION);
        full.set("conversation", json.valueToTree(conversation));
        full.set("transcript", json.valueToTree(transcript));
        full.set("enrichment", json.valueToTree(enrichment));
        full.set("analysis", json.valueToTree(result));
        full.set("flat", json.createObjectNode().<ObjectNode>set("calls", call).set("qa", qa));
        TenantBlobs blobs = blobs(conversation);
        String id = conversation.id().toString();
        blobs.put(blobs.layout().analysis(id), json.writeValueAsBytes(full), BlobAttributes.json());
        blobs.put(blobs.layout().flatCall(id), json.writeValueAsBytes(call), BlobAttributes.json());
        if (qa != null) {
            blobs.put(blobs.layout().flatQa(id), json.writeValueAsBytes(qa), BlobAttributes.json());
        }
        analyses.save(conversation.id(), call, qa);
    }

    ObjectNode callRecord(Conversation conversation, Transcript transcript, Enrichment enrichment, AnalysisResult result) {
        ObjectNode call = json.createObjectNode();
        call.put("schema_version", FLAT_VERSION);
        call.put("conversation_id", conversation.id().toString());
        call.put("tenant_id", conversation.tenantId());
        call.put("external_id", conversation.externalId());
        call.put("source", conversation.source());
        call.put("started_at", conversation.startedAt() == null ? null : conversation.startedAt().toString());
        call.put("direction", conversation.direction().wire());
        call.put("channel", conversation.channel().wire());
        call.set("agent", json.valueToTree(conversation.agent()));
        call.put("team_id", conversation.teamId() == null ? null : conversation.teamId().toString());
        var language = enrichment.language();
        call.put("language", language == null ? conversation.language() : language.tag() != null ? language.tag() : language.code());
        double duration = conversation.durationSeconds() != null ? conversation.durationSeconds()
                : Math.max(transcript.durationSeconds(), enrichment.talk().durationSeconds());
        call.put("duration_seconds", round(duration));
        // The standing judgment (the LLM's when it judged validly), else the enrichment's measure.
        var sentiment = result.decision("customer_sentiment");
        var trend = result.decision("sentiment_trend");
        call.put("customer_sentiment", sentiment != null ? sentiment.value() : enrichment.sentiment().customer().wire());
        call.put("sentiment_trend", trend != null ? trend.value() : enrichment.sentiment().trend().wire());
        // The call's sentiment over time (Call Detail's timeline): each quarter's span and each side's mean score (-1..1).
        ArrayNode quarters = call.putArray("sentiment_quarters");
        enrichment.sentiment().quarters().forEach(q -> quarters.addObject().put("quarter", q.quarter())
                .put("start", round(q.start())).put("end", round(q.end()))
                .put("agent", q.agent() == null ? null : (Double) round(q.agent()))
                .put("customer", q.customer() == null ? null : (Double) round(q.customer())));
        call.put("call_reason", result.callReason() == null ? null : result.callReason().category());
        call.put("summary", result.summary() == null ? "" : result.summary().text());
        if (result.llm() != null && result.llm().summary() != null) {
            call.put("abstractive_summary", result.llm().summary());
            call.put("executive_narrative", result.llm().executiveNarrative());
        }
        var outcomes = result.outcomes();
        boolean known = outcomes != null;
        call.put("booking_status", known && outcomes.bookingStatus() != null ? outcomes.bookingStatus().wire() : null);
        call.put("qualification", known && outcomes.qualification() != null ? outcomes.qualification().wire() : null);
        call.put("outcome", known && outcomes.outcome() != null ? outcomes.outcome().wire() : null);
        call.put("deal_value", known ? outcomes.dealValue() : null);
        call.put("resolution", known && outcomes.resolution() != null ? outcomes.resolution().wire() : "unresolved");
        ArrayNode objections = call.putArray("objections");
        result.objections().forEach(o -> objections.addObject().put("category", o.category().wire()).put("turn", o.turn())
                .put("start", round(o.start())).put("quote", o.quote()));
        ArrayNode actions = call.putArray("action_items");
        result.actionItems().forEach(a -> {
            ObjectNode item = actions.addObject().put("owner", a.owner().wire()).put("text", a.text()).put("due", a.dueHint());
            if (a.evidence() != null) {
                item.put("turn", a.evidence().turn());
            }
        });
        ArrayNode pii = call.putArray("pii");
        // the character span in the turn too, so a prediction can be compared with a labelled span by overlap
        enrichment.pii().forEach(p -> pii.addObject().put("type", p.type().name()).put("turn", p.turn()).put("text", p.text())
                .put("start_char", p.startChar()).put("end_char", p.endChar()));
        var kpis = result.kpis();
        if (kpis != null) {
            call.putObject("kpis").put("customer_effort_1to5", kpis.customerEffort1to5())
                    .put("commercial_opportunity", kpis.commercialOpportunity()).put("churn_risk", kpis.churnRisk())
                    .put("nps_band", kpis.npsBand() == null ? null : kpis.npsBand().wire());
        }
        call.set("talk", talk(enrichment.talk()));
        ArrayNode phrases = call.putArray("key_phrases");
        enrichment.keyPhrases().stream().limit(10).forEach(k -> phrases.add(json.valueToTree(k)));
        ArrayNode trackers = call.putArray("trackers");
        result.trackers().forEach(t -> trackers.addObject().put("key", t.key()).put("count", t.count()));
        // Every judgment with its confidence; the low ones are what "needs review" lists.
        ArrayNode judgments = call.putArray("judgments");
        result.judgments().forEach(j -> judgments.addObject().put("field", j.field()).put("value", j.value())
                .put("confidence", round(j.confidence())).put("source", j.source()).put("low_confidence", j.lowConfidence()));
        ArrayNode review = call.putArray("needs_review");
        result.needsReview().forEach(review::add);
        return call;
    }

    private ObjectNode talk(TalkMetrics talk) {
        ObjectNode node = json.createObjectNode();
        TalkMetrics.SpeakerTalk agent = speaker(talk, Speaker.AGENT);
        TalkMetrics.SpeakerTalk customer = speaker(talk, Speaker.CUSTOMER);
        node.put("agent_talk_seconds", agent == null ? 0 : round(agent.talkSeconds()));
        node.put("customer_talk_seconds", customer == null ? 0 : round(customer.talkSeconds()));
        node.put("talk_ratio", talk.agentTalkRatio() == null ? null : round(talk.agentTalkRatio()));
        node.put("non_talk_seconds", round(talk.nonTalkSeconds()));
        ObjectNode interruptions = node.putObject("interruptions");
        ObjectNode monologues = node.putObject("longest_monologue_seconds");
        ObjectNode questions = node.putObject("questions");
        ObjectNode rate = node.putObject("words_per_minute");
        for (TalkMetrics.SpeakerTalk s : talk.speakers()) {
            String who = s.speaker().wire();
            interruptions.put(who, s.interruptions());
            monologues.put(who, s.longestMonologue() == null ? 0 : round(s.longestMonologue().seconds()));
            questions.put(who, s.questions());
            rate.put(who, s.wordsPerMinute() == null ? null : round(s.wordsPerMinute()));
        }
        return node;
    }

    private static TalkMetrics.SpeakerTalk speaker(TalkMetrics talk, Speaker who) {
        return talk.speakers().stream().filter(s -> s.speaker() == who).findFirst().orElse(null);
    }

    ObjectNode qaRecord(Conversation conversation, ScorecardResult scorecard) {
        ObjectNode qa = json.createObjectNode();
        qa.put("schema_version", FLAT_VERSION);
        qa.put("conversation_id", conversation.id().toString());
        qa.put("tenant_id", conversation.tenantId());
        qa.set("agent", json.valueToTree(conversation.agent()));
        qa.put("scorecard", scorecard.scorecard());
        qa.put("score", scorecard.score() == null ? null : round(scorecard.score()));
        qa.put("auto_failed", scorecard.autoFailed());
        qa.set("sections", json.valueToTree(scorecard.sections()));
        ArrayNode items = qa.putArray("items");
        scorecard.items().forEach(i -> {
            ObjectNode item = items.addObject().put("key", i.key()).put("section", i.section()).put("result", i.result().wire());
            ArrayNode evidence = item.putArray("evidence");
            i.evidence().forEach(e -> evidence.addObject().put("turn", e.turn()).put("start", round(e.start())).put("quote", e.quote()));
        });
        return qa;
    }

    private TenantBlobs blobs(Conversation conversation) {
        return storage.forTenant(tenants.get(new TenantId(conversation.tenantId())));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
