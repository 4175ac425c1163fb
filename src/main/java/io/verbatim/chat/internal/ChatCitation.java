package io.verbatim.chat.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Where an answer comes from: a document page ({@code document_id}, {@code title}, {@code page}; page is null
 * for formats without pages) or a call moment ({@code conversation_id}, {@code second}), with the quoted passage.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record ChatCitation(String kind, UUID documentId, String title, Integer page, UUID conversationId, Double second, String quote) {

    static ChatCitation document(UUID id, String title, Integer page, String quote) {
        return new ChatCitation("document", id, title, page, null, null, quote);
    }

    static ChatCitation call(UUID id, Double second, String quote) {
        return new ChatCitation("call", null, null, null, id, second, quote);
    }
}
