package io.verbatim.shopping.internal;

import io.verbatim.conversations.Accepted;
import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.conversations.ConversationCompleted;
import io.verbatim.conversations.ConversationFailed;
import io.verbatim.conversations.Conversations;
import io.verbatim.ingest.ConversationIntake;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.ProblemException;
import io.verbatim.speech.Transcript;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.verbatim.shopping.EvaluationFinished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analysis of an evaluation: its recording (or an uploaded transcript) enters the platform pipeline as a
 * conversation in the evaluation's language (video decoded to audio, transcribed, enriched, analysed by the
 * built-in analyst); when that conversation completes, the dual analysis is built from its analysis and stored with
 * the evaluation ({@code completed}). A language the speech engine does not recognise leaves the evaluation
 * {@code pending} with the reason and the two ways on; any other failure makes it {@code failed} with the reason.
 * When the tenant configured an LLM, it writes each view it can ({@link LlmViews}); the built-in view stands for any
 * view it could not write, and the row records which analyst wrote which.
 */
@Service
class EvaluationAnalyses {

    static final String SOURCE = "mystery-shopping";
    private static final Logger log = LoggerFactory.getLogger(EvaluationAnalyses.class);
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ConversationIntake intake;
    private final Conversations conversations;
    private final ConversationAnalyses analyses;
    private final TransactionTemplate separate;
    private final ApplicationEventPublisher events;
    private final EvaluationLlm llm;

    EvaluationAnalyses(JdbcClient jdbc, JsonMapper json, ConversationIntake intake, Conversations conversations,
                       ConversationAnalyses analyses, PlatformTransactionManager transactions,
                       ApplicationEventPublisher events, EvaluationLlm llm) {
        this.llm = llm;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.intake = intake;
        this.conversations = conversations;
        this.analyses = analyses;
        this.separate = new TransactionTemplate(transactions);
        // Listeners run after the pipeline's transaction committed: their writes need their own.
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A finished upload's file (still in the spool) enters the pipeline. */
    void startFromMedia(UUID evaluationId, UUID uploadId, Path file, String filename, String contentType) {
        try {
            start(evaluationId, uploadId, "media", new IntakeInput.Media(file, filename == null ? "visit.bin" : filename,
                    contentType), "evaluation-upload-" + uploadId);
        } catch (ProblemException e) {
            // The upload itself succeeded; the evaluation shows why its recording cannot be analysed.
            log.info("Recording of evaluation {} refused by the intake: {}", evaluationId, e.getMessage());
        }
    }

    /** A transcript of the visit made elsewhere (any format the importers read) enters the pipeline. */
    void startFromTranscript(UUID evaluationId, byte[] content, String filename) {
        startFromTranscript(evaluationId, content, filename, "evaluation-transcript-" + evaluationId + "-" + UUID.randomUUID());
    }

    /** As above, with the conversation's external id (source {@value #SOURCE}) given: the seeding's key. */
    void startFromTranscript(UUID evaluationId, byte[] content, String filename, String externalId) {
        start(evaluationId, null, "transcript", new IntakeInput.TranscriptFile(content, filename == null ? "transcript.json" : filename,
                null), externalId);
    }

    /** Whether a conversation with that external id was taken in for an evaluation before. */
    boolean known(String externalId) {
        return conversations.findRepeat(SOURCE, externalId, null, null).isPresent();
    }

    private void start(UUID evaluationId, UUID uploadId, String kind, IntakeInput input, String externalId) {
        String language = separate.execute(tx -> jdbc.sql("SELECT language FROM shopper_evaluations WHERE id = ?")
                .param(evaluationId).query(String.class).single());
        status(evaluationId, "analyzing", kind.equals("media") ? "transcribing and analysing the recording" : "analysing the transcript");
        Accepted accepted;
        try {
            accepted = intake.accept(input, new IngestMetadata(externalId, SOURCE, "in_person", "field_visit", null, null, null,
                    language, null, null, Map.of("evaluation_id", evaluationId.toString()), null, null), null);
        } catch (ProblemException e) {
            finish(evaluationId, "failed", e.getMessage());
            throw e;
        }
        separate.executeWithoutResult(tx -> jdbc.sql("""
                INSERT INTO evaluation_conversations (tenant_id, conversation_id, evaluation_id, upload_id, kind) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (conversation_id) DO NOTHING""")
                .params(TenantContext.require().value(), accepted.conversation().id(), evaluationId, uploadId, kind).update());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void completed(ConversationCompleted event) {
        TenantContext.runAs(new TenantId(event.tenantId()), () -> evaluationOf(event.conversationId()).ifPresent(evaluationId -> {
            try {
                analyse(evaluationId, event.conversationId());
            } catch (RuntimeException e) {
                log.warn("Dual analysis of evaluation {} failed", evaluationId, e);
                finish(evaluationId, "failed", "analysis: " + e.getMessage());
            }
        }));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void failed(ConversationFailed event) {
        TenantContext.runAs(new TenantId(event.tenantId()), () -> evaluationOf(event.conversationId()).ifPresent(evaluationId -> {
            if ("unsupported-language".equals(event.errorType())) {
                status(evaluationId, "pending", "Waiting for a transcript: " + event.error() + " Configure a speech engine for this "
                        + "language (whisper or remote, docs/speech.md) and re-drive, or upload the visit's transcript "
                        + "(POST /api/v1/evaluations/" + evaluationId + "/transcript). The survey score stands.");
            } else {
                finish(evaluationId, "failed", event.stage() + ": " + event.error());
            }
        }));
    }

    private record Material(JsonNode call, Transcript transcript, BigDecimal score, String language) {
    }

    private void analyse(UUID evaluationId, UUID conversationId) {
        // Read in a new transaction: after the pipeline's commit the tenant setting of its transaction is gone.
        Material m = separate.execute(tx -> {
            JsonNode call = analyses.find(conversationId).map(ConversationAnalyses.Records::call)
                    .orElseThrow(() -> new IllegalStateException("the conversation has no analysis"));
            Transcript transcript = conversations.transcript(conversationId)
                    .orElseThrow(() -> new IllegalStateException("the conversation has no transcript"));
            Map<String, Object> row = jdbc.sql("SELECT score, language FROM shopper_evaluations WHERE id = ?").param(evaluationId)
                    .query().singleRow();
            return new Material(call, transcript, (BigDecimal) row.get("score"), row.get("language") == null ? "es" : row.get("language").toString());
        });
        String language = m.language();
        DualAnalysis.Views builtIn = DualAnalysis.of(m.call(), m.transcript(), m.score(), language);
        // The tenant's LLM, when configured, writes each view it can; outside any transaction (it may take a while).
        LlmViews.Outcome outcome = llm.provider().map(model -> LlmViews.of(model, m.transcript(), builtIn, language))
                .orElseGet(() -> new LlmViews.Outcome(builtIn, LlmViews.BUILT_IN, LlmViews.BUILT_IN, null));
        separate.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO evaluation_analyses (tenant_id, evaluation_id, conversation_id, language, executive, operative,
                        executive_source, operative_source, llm)
                    VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb)
                    ON CONFLICT (evaluation_id) DO UPDATE SET conversation_id = EXCLUDED.conversation_id, language = EXCLUDED.language,
                        executive = EXCLUDED.executive, operative = EXCLUDED.operative, executive_source = EXCLUDED.executive_source,
                        operative_source = EXCLUDED.operative_source, llm = EXCLUDED.llm, created_at = now()""")
                    .params(TenantContext.require().value(), evaluationId, conversationId, language,
                            json.writeValueAsString(outcome.views().executive()), json.writeValueAsString(outcome.views().operative()),
                            outcome.executiveSource(), outcome.operativeSource(),
                            outcome.llm() == null ? null : json.writeValueAsString(outcome.llm()))
                    .update();
            jdbc.sql("UPDATE shopper_evaluations SET status = 'completed', status_reason = NULL, updated_at = now() WHERE id = ?")
                    .param(evaluationId).update();
            published(evaluationId, "completed", language.startsWith("es") ? "Evaluación analizada" : "Evaluation analysed");
        });
    }

    /**
     * The stored analysis as {@code {"executive", "operative", "sources", "conversation_id", "created_at"}}; {@code sources}
     * says which analyst wrote each view ({@code built_in|llm}) and, when the tenant's LLM was asked, its record.
     */
    Optional<Map<String, Object>> find(UUID evaluationId) {
        return separate.execute(tx -> jdbc.sql("SELECT * FROM evaluation_analyses WHERE evaluation_id = ?").param(evaluationId)
                .query((rs, n) -> {
                    Map<String, Object> sources = new LinkedHashMap<>();
                    sources.put("executive", rs.getString("executive_source"));
                    sources.put("operative", rs.getString("operative_source"));
                    sources.put("llm", rs.getString("llm") == null ? null : json.readTree(rs.getString("llm")));
                    return Map.<String, Object>of("executive", json.readTree(rs.getString("executive")),
                            "operative", json.readTree(rs.getString("operative")), "sources", sources,
                            "conversation_id", rs.getObject("conversation_id", UUID.class),
                            "created_at", rs.getTimestamp("created_at").toInstant());
                })
                .optional());
    }

    private Optional<UUID> evaluationOf(UUID conversationId) {
        return separate.execute(tx -> jdbc.sql("SELECT evaluation_id FROM evaluation_conversations WHERE conversation_id = ?")
                .param(conversationId).query(UUID.class).optional());
    }

    /** A final status, and the event that says so (published inside the transaction, delivered after its commit). */
    private void finish(UUID evaluationId, String status, String reason) {
        separate.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE shopper_evaluations SET status = ?, status_reason = ?, updated_at = now() WHERE id = ?")
                    .params(status, reason, evaluationId).update();
            published(evaluationId, status, reason);
        });
    }

    private void published(UUID evaluationId, String status, String reason) {
        jdbc.sql("SELECT campaign_id, shopper_id FROM shopper_evaluations WHERE id = ?").param(evaluationId)
                .query((rs, n) -> new EvaluationFinished(TenantContext.require(), evaluationId, rs.getObject("campaign_id", UUID.class),
                        rs.getObject("shopper_id", UUID.class), status, reason))
                .optional().ifPresent(events::publishEvent);
    }

    private void status(UUID evaluationId, String status, String reason) {
        separate.executeWithoutResult(tx -> jdbc.sql(
                        "UPDATE shopper_evaluations SET status = ?, status_reason = ?, updated_at = now() WHERE id = ?")
                .params(status, reason, evaluationId).update());
    }
}
