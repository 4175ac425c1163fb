package io.verbatim.pipeline.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.InputKind;
import io.verbatim.conversations.PiiAccess;
import io.verbatim.media.DecodedAudio;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.verbatim.enrichment.Enricher;
import io.verbatim.enrichment.Enrichment;
import io.verbatim.enrichment.EnrichmentOptions;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.pipeline.PermanentStageFailure;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.speech.Transcript;
import org.springframework.stereotype.Component;

/**
 * Language, sentiment, talk metrics, PII and key phrases, written with the transcript to
 * {@code results/<tenant>/enriched/<id>.json}, which the analysed stage then reads; the redacted
 * transcript, and with the tenant's {@code redact_pii} on, a redacted copy of the recording
 * ({@code results/<tenant>/redacted/<id>.wav}).
 */
@Component
class EnrichedStage implements StageHandler {

    private final Conversations conversations;
    private final Enricher enricher;
    private final AnalysisDocuments documents;
    private final PiiAccess piiAccess;
    private final DecodedStage decoded;
    private final WorkFiles work;
    private final TenantStorage storage;
    private final Tenants tenants;
    private final FeatureFlags flags;

    EnrichedStage(Conversations conversations, Enricher enricher, AnalysisDocuments documents, PiiAccess piiAccess,
                  DecodedStage decoded, WorkFiles work, TenantStorage storage, Tenants tenants, FeatureFlags flags) {
        this.flags = flags;
        this.piiAccess = piiAccess;
        this.decoded = decoded;
        this.work = work;
        this.storage = storage;
        this.tenants = tenants;
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
    public void run(Conversation conversation) throws IOException {
        Transcript transcript = conversations.transcript(conversation.id())
                .orElseThrow(() -> new PermanentStageFailure("no-transcript", "The conversation has no transcript to enrich"));
        Enrichment enrichment = enricher.enrich(transcript, new EnrichmentOptions(conversation.language(),
                conversation.agent().name(), conversation.customer().name()));
        documents.writeEnriched(conversation, transcript, enrichment);
        conversations.saveRedactedTurns(conversation.id(), enricher.redact(transcript, enrichment.pii()).turns());
        if (piiAccess.redactionOn() && conversation.input().kind() == InputKind.MEDIA && flags.enabled(FlagKeys.AUDIO_REDACTION)) {
            redactRecording(conversation, enrichment);
        }
    }

    /** A playback copy with the personal-data word spans silenced, for roles that may not hear them. */
    private void redactRecording(Conversation conversation, Enrichment enrichment) throws IOException {
        DecodedAudio audio = decoded.decode(conversation);
        Path wav = work.source(conversation.tenantId(), conversation.id()).resolveSibling(conversation.id() + ".redacted.wav");
        try {
            enricher.redactAudio(audio, enrichment.pii(), wav);
            var blobs = storage.forTenant(tenants.get(new TenantId(conversation.tenantId())));
            try (InputStream in = Files.newInputStream(wav)) {
                blobs.put(blobs.layout().key("results", "redacted", conversation.id() + ".wav"), in, BlobAttributes.of("audio/wav"));
            }
        } finally {
            Files.deleteIfExists(wav);
            audio.delete();
        }
    }
}
