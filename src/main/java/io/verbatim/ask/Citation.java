package io.verbatim.ask;

import java.util.UUID;

/**
 * A moment in a conversation that supports the answer.
 *
 * @param turn    0-based index of the turn in the conversation's transcript
 * @param start   seconds from the start of the conversation (open Call Detail there)
 * @param passage the id of the indexed passage it came from ({@code <conversation>:<n>})
 */
public record Citation(UUID conversationId, int turn, double start, String speaker, String quote, String passage) {
}
