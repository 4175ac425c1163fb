package io.verbatim.ask;

import java.util.Map;

/**
 * One passage of a source, as the caller cut it: what is embedded, searched and quoted.
 *
 * @param text     the passage text (searched by BM25 and embedded)
 * @param page     1-based page of a document, or null
 * @param second   seconds from the start of a conversation, or null
 * @param speaker  {@code agent}, {@code customer}, ... for conversations; null otherwise
 * @param metadata small strings stored with the passage and returned with each hit (never searched)
 */
public record SourcePassage(String text, Integer page, Double second, String speaker, Map<String, String> metadata) {

    public SourcePassage {
        if (text == null) {
            throw new IllegalArgumentException("A passage needs text");
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static SourcePassage page(String text, int page) {
        return new SourcePassage(text, page, null, null, Map.of());
    }
}
