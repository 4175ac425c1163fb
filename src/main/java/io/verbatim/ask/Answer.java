package io.verbatim.ask;

import java.util.List;

/**
 * The answer to a {@link Question}.
 *
 * @param kind    {@code passages} (retrieved moments), {@code count} (from structured analysis data) or
 *                {@code generated} (an LLM's grounded answer)
 * @param scope   the scope that was searched
 * @param usedLlm whether an LLM wrote the answer
 */
public record Answer(String answer, List<Citation> citations, boolean usedLlm, String kind, AskScope scope) {

    public Answer {
        citations = List.copyOf(citations);
    }
}
