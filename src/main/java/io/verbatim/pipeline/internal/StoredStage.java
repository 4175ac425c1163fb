package io.verbatim.pipeline.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.pipeline.PermanentStageFailure;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original input is durably in the tenant's storage, with the size recorded at intake, and the source metadata is
 * written beside it ({@code input/<tenant>/meta/<conversation>.json}). The metadata copy is written here rather than on
 * the upload's request thread: the conversation row already holds every field durably, and the copy's three fsyncs
 * were a large part of the accept's latency.
 */
@Component
class StoredStage implements StageHandler {

    private final TenantStorage storage;
    private final Tenants tenants;
    private final JsonMapper json;

    StoredStage(TenantStorage storage, Tenants tenants, JsonMapper json) {
        this.storage = storage;
        this.tenants = tenants;
        this.json = json;
    }

    @Override
    public String stage() {
        return "stored";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void run(Conversation conversation) {
        var blobs = storage.forTenant(tenants.get(new TenantId(conversation.tenantId())));
        var info = blobs.stat(new BlobKey(conversation.input().key()))
                .orElseThrow(() -> new PermanentStageFailure("missing-input", "The original input " + conversation.input().key()
                        + " is not in storage"));
        if (conversation.input().bytes() != null && info.size() != conversation.input().bytes()) {
            throw new PermanentStageFailure("corrupt-input", "The stored input has " + info.size() + " bytes, "
                    + conversation.input().bytes() + " were received");
        }
        // Rewritten whole on a retry: the same row gives the same bytes.
        blobs.put(blobs.layout().sourceMetadata(conversation.id().toString()),
                json.writeValueAsString(sourceMetadata(conversation)).getBytes(StandardCharsets.UTF_8), BlobAttributes.json());
    }

    /** What the caller told us about the conversation, in the upload's metadata vocabulary. */
    static Map<String, Object> sourceMetadata(Conversation c) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("source", c.source());
        meta.put("external_id", c.externalId());
        meta.put("direction", c.direction() == null ? null : c.direction().wire());
        meta.put("channel", c.channel() == null ? null : c.channel().wire());
        meta.put("started_at", c.startedAt() == null ? null : c.startedAt().toString());
        meta.put("agent", c.agent() == null ? null : c.agent().ref());
        meta.put("team_id", c.teamId() == null ? null : c.teamId().toString());
        meta.put("customer", c.customer());
        meta.put("language", c.language());
        meta.put("channel_roles", c.channelRoles());
        meta.put("tags", c.tags());
        meta.put("attributes", c.attributes());
        meta.put("input", Map.of("content_type", String.valueOf(c.input().contentType()),
                "filename", String.valueOf(c.input().filename()), "sha256", String.valueOf(c.input().sha256())));
        meta.put("received_at", c.createdAt() == null ? null : c.createdAt().toString());
        return meta;
    }
}
