package io.verbatim.conversations;

/** The outcome of accepting a conversation: a new one, or the one an earlier identical request created. */
public record Accepted(Conversation conversation, boolean duplicate) {
}
