package io.verbatim.pipeline.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.Direction;
import io.verbatim.conversations.InputKind;
import io.verbatim.media.DecodedAudio;
import io.verbatim.media.MediaDecoder;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.SpeechAdaptationSource;
import io.verbatim.speech.SpeechEngine;
import io.verbatim.speech.SpeechEngines;
import io.verbatim.speech.SpeechProperties;
import io.verbatim.speech.SpeechRequest;
import io.verbatim.speech.Transcript;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.TenantSettings;
import io.verbatim.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speech to text with speaker roles: the tenant's engine (or the node's default) transcribes the
 * decoded audio; stereo channels map to roles by the conversation's channel mapping. The engine's
 * output goes to {@code results/<tenant>/raw/} as produced and into the transcript table. At most
 * {@code verbatim.speech.concurrency} transcriptions run at once on a node, so a backlog cannot starve
 * the CPU that uploads and the API need.
 */
@Component
class TranscribedStage implements StageHandler {

    private final SpeechEngines engines;
    private final TenantSettings settings;
    private final Conversations conversations;
    private final DecodedStage decoded;
    private final WorkFiles work;
    private final TenantStorage storage;
    private final Tenants tenants;
    private final JsonMapper json;
    private final Semaphore slots;
    private final ObjectProvider<SpeechAdaptationSource> adaptations;

    TranscribedStage(SpeechEngines engines, TenantSettings settings, Conversations conversations, DecodedStage decoded,
                     WorkFiles work, TenantStorage storage, Tenants tenants, JsonMapper json, SpeechProperties speech,
                     ObjectProvider<SpeechAdaptationSource> adaptations) {
        this.engines = engines;
        this.settings = settings;
        this.conversations = conversations;
        this.decoded = decoded;
        this.work = work;
        this.storage = storage;
        this.tenants = tenants;
        this.json = json;
        this.slots = new Semaphore(speech.effectiveConcurrency(), true);
        this.adaptations = adaptations;
    }

    @Override
    public String stage() {
        return "transcribed";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean appliesTo(Conversation conversation) {
        return conversation.input().kind() == InputKind.MEDIA;
    }

    @Override
    public boolean tryReserve() {
        return slots.tryAcquire();
    }

    @Override
    public void release() {
        slots.release();
    }

    @Override
    public void run(Conversation conversation) throws Exception {
        SpeechEngine engine = engines.select(settings.text("speech_engine"));
        DecodedAudio audio = audio(conversation);
        SpeechRequest request = request(conversation);
        // the tenant's vocabulary and domain model, where it has one (engines without language models ignore it)
        SpeechAdaptationSource source = adaptations.getIfAvailable();
        if (source != null) {
            request = request.withAdaptation(source.forTenant(conversation.tenantId()).orElse(null));
        }
        Transcript transcript = engine.transcribe(audio, request);
        var blobs = storage.forTenant(tenants.get(new TenantId(conversation.tenantId())));
        blobs.put(blobs.layout().rawTranscript(conversation.id().toString()),
                json.writeValueAsString(transcript).getBytes(StandardCharsets.UTF_8), BlobAttributes.json());
        conversations.saveTranscript(conversation.id(), transcript);
        conversations.setSpeechEngine(conversation.id(), engine.name());
        work.deleteAll(conversation.tenantId(), conversation.id());
    }

    /** The PCM the decoded stage left on this node, or a fresh decode when it is gone (another node, a restart). */
    private DecodedAudio audio(Conversation conversation) throws Exception {
        Path pcm = work.pcm(conversation.tenantId(), conversation.id());
        Integer channels = conversation.audioChannels();
        if (Files.exists(pcm) && channels != null && channels > 0) {
            return new DecodedAudio(pcm, MediaDecoder.SAMPLE_RATE, channels, Files.size(pcm) / (2L * channels));
        }
        return decoded.decode(conversation);
    }

    private SpeechRequest request(Conversation conversation) {
        String language = conversation.language() != null ? conversation.language() : settings.text("language");
        Speaker left = Speaker.fromWire(conversation.channelRoles().getOrDefault("left", "agent"));
        Speaker right = Speaker.fromWire(conversation.channelRoles().getOrDefault("right", "customer"));
        // On an outbound call the customer picks up and speaks first; otherwise the agent opens.
        Speaker first = conversation.direction() == Direction.OUTBOUND ? Speaker.CUSTOMER : Speaker.AGENT;
        return new SpeechRequest(language, java.util.List.of(left, right), first);
    }
}
