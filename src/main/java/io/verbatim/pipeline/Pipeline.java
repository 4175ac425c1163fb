package io.verbatim.pipeline;

import io.verbatim.conversations.Conversation;
import java.util.List;
import java.util.UUID;

/** Starts, re-drives and re-runs conversations through the stages. */
public interface Pipeline {

    /** Enqueues the first stage; call inside the transaction that accepted the conversation. */
    void start(Conversation conversation);

    /** Re-drives a failed conversation from the stage that failed. */
    Conversation retry(UUID conversationId);

    /** Re-runs a conversation from {@code stage} onwards (e.g. "enriched" for re-analysis) without touching earlier stages. */
    void rerunFrom(UUID conversationId, String stage);

    /**
     * Re-runs, from {@code stage}, every completed conversation the caller may see that started in
     * {@code [from, to)}, behind live work; returns how many were queued (at most {@code limit}).
     */
    int rerunRange(java.time.Instant from, java.time.Instant to, String stage, int limit);

    /** The stage names in order. */
    List<String> stages();
}
