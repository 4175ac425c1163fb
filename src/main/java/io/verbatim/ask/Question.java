package io.verbatim.ask;

import java.util.UUID;

/**
 * A question from the current caller.
 *
 * @param scope          null means the widest the caller's role allows
 * @param conversationId set to ask about one conversation ("ask about this call")
 * @param about          set to ask about the conversations of a contact card or an appointment ({@link AskSubject})
 */
public record Question(String question, AskScope scope, AskFilters filters, UUID conversationId, About about) {

    /** The subject a question is about: the {@link AskSubject#field()} that names it and its id. */
    public record About(String field, UUID id) {
    }

    public Question {
        filters = filters == null ? AskFilters.none() : filters;
    }

    public Question(String question, AskScope scope, AskFilters filters, UUID conversationId) {
        this(question, scope, filters, conversationId, null);
    }

    public static Question of(String question) {
        return new Question(question, null, null, null, null);
    }
}
