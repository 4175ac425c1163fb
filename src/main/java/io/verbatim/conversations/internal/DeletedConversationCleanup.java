package io.verbatim.conversations.internal;

import io.verbatim.conversations.ConversationDeleted;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Once a conversation's rows are gone, its objects go too: original input, metadata and every result document. */
@Component
class DeletedConversationCleanup {

    private static final Logger log = LoggerFactory.getLogger(DeletedConversationCleanup.class);
    private final TenantStorage storage;
    private final Tenants tenants;

    DeletedConversationCleanup(TenantStorage storage, Tenants tenants) {
        this.storage = storage;
        this.tenants = tenants;
    }

    @TransactionalEventListener
    void on(ConversationDeleted event) {
        var blobs = storage.forTenant(tenants.get(new TenantId(event.tenantId())));
        blobs.deleteConversation(event.conversationId().toString());
        blobs.delete(blobs.layout().key("results", "redacted", event.conversationId() + ".wav"));
        if (event.inputKey() != null) {
            blobs.delete(new BlobKey(event.inputKey())); // a drop-folder file keeps its own name
        }
        log.info("Deleted conversation {} of {} from storage", event.conversationId(), event.tenantId());
    }
}
