package io.verbatim.ask;

import java.util.UUID;

/** The current tenant's search index: derived from the database, rebuilt from it on demand. */
public interface AskIndex {

    /** (Re)indexes one conversation's transcript chunks with its current metadata and analysis; returns the chunk count. */
    int index(UUID conversationId);

    /** Removes a conversation's chunks. */
    void remove(UUID conversationId);

    /** Starts rebuilding the tenant's index from the database in the background (a no-op while one runs). */
    RebuildStatus rebuild();

    /** The last or running rebuild of the tenant's index, and its size. */
    RebuildStatus status();

    /**
     * @param state       {@code idle} (never rebuilt on this node), {@code running}, {@code completed} or {@code failed}
     * @param processed   conversations indexed so far by the rebuild
     * @param total       conversations the rebuild will index
     * @param chunks      chunks in the index now
     * @param conversations conversations in the index now
     */
    record RebuildStatus(String tenant, String state, int processed, int total, long chunks, long conversations,
                         java.time.Instant startedAt, java.time.Instant finishedAt, String error) {
    }
}
