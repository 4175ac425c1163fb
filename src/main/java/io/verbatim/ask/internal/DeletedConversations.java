package io.verbatim.ask.internal;

import io.verbatim.conversations.ConversationDeleted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** A deleted conversation's chunks leave the index once its rows are gone. */
@Component
class DeletedConversations {

    private final ConversationIndexer indexer;

    DeletedConversations(ConversationIndexer indexer) {
        this.indexer = indexer;
    }

    @TransactionalEventListener
    void on(ConversationDeleted event) {
        indexer.remove(event.tenantId(), event.conversationId());
    }
}
