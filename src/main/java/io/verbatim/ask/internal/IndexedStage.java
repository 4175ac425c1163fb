package io.verbatim.ask.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.pipeline.StageHandler;
import org.springframework.stereotype.Component;

/**
 * The {@code indexed} stage: the conversation's transcript chunks, embedded, replace its previous
 * chunks in the tenant's index, with the analysis' categories and objections as filters. Safe to
 * repeat; re-analysis re-runs it.
 */
@Component
class IndexedStage implements StageHandler {

    private final ConversationIndexer indexer;

    IndexedStage(ConversationIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public String stage() {
        return "indexed";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void run(Conversation conversation) {
        indexer.index(conversation.id());
    }
}
