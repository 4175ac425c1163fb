package io.verbatim.pipeline.internal;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.Analyst;
import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.QaConfig;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.TenantAnalysisConfig;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.enrichment.Enricher;
import io.verbatim.enrichment.Enrichment;
import io.verbatim.enrichment.EnrichmentOptions;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.pipeline.PermanentStageFailure;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.speech.Transcript;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Scorecards, trackers, call reason, objections, action items, outcomes, KPIs and summary with the
 * tenant's current configuration; produces the v1.0 document and the flat v2.0 call and QA records.
 */
@Component
class AnalysedStage implements StageHandler {

    private final Conversations conversations;
    private final Analyst analyst;
    private final Enricher enricher;
    private final TenantAnalysisConfig config;
    private final AnalysisDocuments documents;
    private final TenantLlm llm;
    private final FeatureFlags flags;

    AnalysedStage(Conversations conversations, Analyst analyst, Enricher enricher, TenantAnalysisConfig config,
                  AnalysisDocuments documents, TenantLlm llm, FeatureFlags flags) {
        this.flags = flags;
        this.llm = llm;
        this.conversations = conversations;
        this.analyst = analyst;
        this.enricher = enricher;
        this.config = config;
        this.documents = documents;
    }

    @Override
    public String stage() {
        return "analysed";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void run(Conversation conversation) {
        Transcript transcript = conversations.transcript(conversation.id())
                .orElseThrow(() -> new PermanentStageFailure("no-transcript", "The conversation has no transcript to analyse"));
        Enrichment enrichment = enrichment(conversation, transcript);
        QaConfig qa = config.qaConfig();
        AnalysisResult builtIn = analyseBuiltIn(conversation, transcript, enrichment, qa);
        // With an LLM configured: the LLM judges too (its valid judgments replace the built-in values field by
        // field, both kept), then an abstractive summary and executive narrative. It never fails the stage; a
        // failure is recorded in the result and the built-in analysis stands.
        AnalysisResult result = !flags.enabled(FlagKeys.LLM_JUDGE) ? builtIn
                : llm.analyst().map(generative -> generative.enrich(transcript, builtIn, qa)).orElse(builtIn);
        documents.writeFinal(conversation, transcript, enrichment, result);
    }

    /** The stored enrichment (the stage's input); when it is unreadable (an older version) enrichment is simply redone. */
    Enrichment enrichment(Conversation conversation, Transcript transcript) {
        return documents.readEnrichment(conversation).orElseGet(() -> enricher.enrich(transcript,
                new EnrichmentOptions(conversation.language(), conversation.agent().name(), conversation.customer().name())));
    }

    /** The built-in (deterministic) analysis with the given QA config; stores nothing. Also used by the scorecard preview. */
    AnalysisResult analyseBuiltIn(Conversation conversation, Transcript transcript, Enrichment enrichment, QaConfig config) {
        // With the taxonomy flag off, the built-in call reasons apply even where the tenant defined its own.
        QaConfig qa = config.callReasons().isEmpty() || flags.enabled(FlagKeys.CALL_REASON_TAXONOMY) ? config
                : new QaConfig(config.version(), config.conditions(), config.scorecards(), config.trackers(), List.of());
        ConversationAttributes attributes = new ConversationAttributes(conversation.channel(), conversation.direction(),
                new HashSet<>(conversation.tags()), conversation.agent().name());
        SentimentSignal sentiment = new SentimentSignal(
                SentimentSignal.Polarity.valueOf(enrichment.sentiment().customer().name()),
                SentimentSignal.Trend.valueOf(enrichment.sentiment().trend().name().toUpperCase(Locale.ROOT)),
                enrichment.sentiment().customerConfidence(), enrichment.sentiment().trendConfidence());
        return analyst.analyse(transcript, attributes, qa, sentiment);
    }
}
