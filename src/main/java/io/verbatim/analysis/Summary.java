package io.verbatim.analysis;

import java.util.List;

/** A short summary: {@code source} is "extractive" (built in) or "llm". */
public record Summary(String text, String source, List<Evidence> evidence) {

    public Summary {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
