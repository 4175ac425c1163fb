package io.verbatim.pipeline.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.InputKind;
import io.verbatim.media.DecodedAudio;
import io.verbatim.media.MediaDecoder;
import io.verbatim.media.Waveforms;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audio or video becomes 16 kHz PCM (channels kept), its duration and channel count are recorded,
 * and the player's waveform peaks are computed once and stored. Corrupt or truncated media fails the
 * conversation here, with the decoder's reason.
 */
@Component
class DecodedStage implements StageHandler {

    private final TenantStorage storage;
    private final Tenants tenants;
    private final MediaDecoder decoder;
    private final Waveforms waveforms;
    private final Conversations conversations;
    private final WorkFiles work;
    private final JsonMapper json;

    DecodedStage(TenantStorage storage, Tenants tenants, MediaDecoder decoder, Waveforms waveforms, Conversations conversations,
                 WorkFiles work, JsonMapper json) {
        this.storage = storage;
        this.tenants = tenants;
        this.decoder = decoder;
        this.waveforms = waveforms;
        this.conversations = conversations;
        this.work = work;
        this.json = json;
    }

    @Override
    public String stage() {
        return "decoded";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean appliesTo(Conversation conversation) {
        return conversation.input().kind() == InputKind.MEDIA;
    }

    @Override
    public void run(Conversation conversation) throws IOException {
        DecodedAudio audio = decode(conversation);
        conversations.updateMediaFacts(conversation.id(), audio.durationSeconds(), audio.channels());
        conversations.saveWaveform(conversation.id(), json.writeValueAsString(waveforms.peaks(audio)));
    }

    /** Decodes the conversation's stored input into its work PCM file (also used when transcription finds it missing). */
    DecodedAudio decode(Conversation conversation) throws IOException {
        var blobs = storage.forTenant(tenants.get(new TenantId(conversation.tenantId())));
        Path source = work.source(conversation.tenantId(), conversation.id());
        try (var content = blobs.get(new BlobKey(conversation.input().key()))) {
            Files.copy(content.stream(), source, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            return decoder.decode(source, work.pcm(conversation.tenantId(), conversation.id()));
        } finally {
            Files.deleteIfExists(source);
        }
    }
}
