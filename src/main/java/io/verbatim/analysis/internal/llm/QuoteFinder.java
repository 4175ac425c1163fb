package io.verbatim.analysis.internal.llm;

import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a quote an LLM cites really occurs in the transcript, so no judgment rests on invented
 * words. Case, accents, whitespace and punctuation are ignored ({@link Normalizer#words}: "Okay —
 * bye!" matches "okay, bye"); the words themselves must match, whole and in order, within one turn.
 * The cited turn is tried first, then every other turn (models miscount turn numbers more often than
 * they misquote).
 */
final class QuoteFinder {

    private final List<Turn> turns;
    private final String[] words;

    QuoteFinder(Transcript transcript) {
        this.turns = transcript.turns();
        this.words = turns.stream().map(t -> Normalizer.words(t.text())).toArray(String[]::new);
    }

    /** Where the quote is, as evidence (the turn, the estimated start, the quote as cited), or empty. */
    Optional<Evidence> find(String quote, Integer citedTurn) {
        if (quote == null) {
            return Optional.empty();
        }
        String q = Normalizer.words(quote);
        if (q.isBlank()) {
            return Optional.empty();
        }
        if (citedTurn != null && citedTurn >= 0 && citedTurn < turns.size() && words[citedTurn].contains(q)) {
            return Optional.of(evidence(citedTurn, q, quote));
        }
        for (int i = 0; i < turns.size(); i++) {
            if (words[i].contains(q)) {
                return Optional.of(evidence(i, q, quote));
            }
        }
        return Optional.empty();
    }

    private Evidence evidence(int index, String normalisedQuote, String quote) {
        Turn turn = turns.get(index);
        // Start estimated from the quote's position in the turn (as the built-in evidence does without word timings).
        double share = Math.max(0, words[index].indexOf(normalisedQuote)) / (double) Math.max(1, words[index].length());
        double start = turn.start() + share * Math.max(0, turn.end() - turn.start());
        return new Evidence(index, Math.round(start * 10) / 10.0, quote.strip());
    }
}
