package io.verbatim.pipeline;

import io.verbatim.conversations.Conversation;

/**
 * One stage of the pipeline. Modules add stages by declaring a bean; the pipeline orders them by
 * {@link #order()}. A stage must be safe to run again on the same conversation (a crash can repeat it).
 */
public interface StageHandler {

    /** The stage's name as the conversation shows it once done ("decoded", "transcribed", ...). */
    String stage();

    /** Position in the graph: stored 10, decoded 20, transcribed 30, enriched 40, analysed 50, indexed 60, published 70. */
    int order();

    /** False when the stage has nothing to do for this conversation (a transcript import is not decoded). */
    default boolean appliesTo(Conversation conversation) {
        return true;
    }

    /**
     * Claims this node's capacity for one run before the stage starts (speech recognition is bounded per
     * node). When it returns false the job goes back to the queue for a moment, uncounted, so the worker
     * can run other conversations' quicker stages instead of waiting.
     */
    default boolean tryReserve() {
        return true;
    }

    /** Gives back what {@link #tryReserve()} claimed. */
    default void release() {
    }

    /** Does the work; runs with the conversation's tenant bound. Throw {@link PermanentStageFailure} for input that no retry can fix. */
    void run(Conversation conversation) throws Exception;
}
