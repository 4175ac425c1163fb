package io.verbatim.pipeline.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.pipeline.PermanentStageFailure;
import io.verbatim.pipeline.StageHandler;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import org.springframework.stereotype.Component;

/** The original input is durably in the tenant's storage, with the size recorded at intake. */
@Component
class StoredStage implements StageHandler {

    private final TenantStorage storage;
    private final Tenants tenants;

    StoredStage(TenantStorage storage, Tenants tenants) {
        this.storage = storage;
        this.tenants = tenants;
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
    }
}
