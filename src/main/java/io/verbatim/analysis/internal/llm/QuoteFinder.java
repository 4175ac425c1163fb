package io.verbatim.analysis.internal.llm;

import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Where the quote is, as evidence (the turn, the estimated start, the quoted span of the turn), or empty. */
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
        // The evidence quotes the transcript's own characters (so it points into the transcript, and redaction of
        // personal data finds it); the model's rendition only when accents made the spans differ.
        Matcher m = span(normalisedQuote).matcher(turn.text());
        String exact = m.find() ? turn.text().substring(m.start(), m.end()) : null;
        double share = exact != null ? m.start() / (double) Math.max(1, turn.text().length())
                : Math.max(0, words[index].indexOf(normalisedQuote)) / (double) Math.max(1, words[index].length());
        double start = turn.start() + share * Math.max(0, turn.end() - turn.start());
        return new Evidence(index, Math.round(start * 10) / 10.0, exact != null ? exact : quote.strip());
    }

    /** The quote's words, whole, in order, separated by anything that is not a letter or digit. */
    private static Pattern span(String normalisedQuote) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] parts = normalisedQuote.strip().split(" ");
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "[^\\p{L}\\p{N}]+").append(Pattern.quote(parts[i]).replace("'", "\\E['\u2019]\\Q"));
        }
        return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
