package io.verbatim.ask;

import java.util.UUID;

/**
 * A question from the current caller.
 *
 * @param scope          null means the widest the caller's role allows
 * @param conversationId set to ask about one conversation ("ask about this call")
 */
public record Question(String question, AskScope scope, AskFilters filters, UUID conversationId) {

    public Question {
        filters = filters == null ? AskFilters.none() : filters;
    }

    public static Question of(String question) {
        return new Question(question, null, null, null);
    }
}
