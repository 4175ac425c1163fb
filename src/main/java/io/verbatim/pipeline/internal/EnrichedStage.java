package io.verbatim.pipeline.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.enrichment.Enricher;
import io.verbatim.enrichment.Enrichment;
import io.verbatim.enrichment.EnrichmentOptions;
import io.verbatim.pipeline.PermanentStageFailure;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.speech.Transcript;
import org.springframework.stereotype.Component;

/**
 * Language, sentiment, talk metrics, PII and key phrases, written with the transcript to
 * {@code results/<tenant>/enriched/<id>.json}, which the analysed stage then reads.
 */
@Component
class EnrichedStage implements StageHandler {

    private final Conversations conversations;
    private final Enricher enricher;
    private final AnalysisDocuments documents;

    EnrichedStage(Conversations conversations, Enricher enricher, AnalysisDocuments documents) {
        this.conversations = conversations;
        this.enricher = enricher;
        this.documents = documents;
    }

    @Override
    public String stage() {
        return "enriched";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void run(Conversation conversation) {
        Transcript transcript = conversations.transcript(conversation.id())
                .orElseThrow(() -> new PermanentStageFailure("no-transcript", "The conversation has no transcript to enrich"));
        Enrichment enrichment = enricher.enrich(transcript, new EnrichmentOptions(conversation.language(),
                conversation.agent().name(), conversation.customer().name()));
        documents.writeEnriched(conversation, transcript, enrichment);
    }
}
