package io.verbatim.enrichment;

import java.util.List;

/**
 * Everything the {@code enriched} stage adds to a transcript. It is written beside the transcript to
 * {@code results/<tenant>/enriched/<conversation>.json}; every finding points back to its turn (0-based),
 * characters and time, so an analyst (person or stage) can check it.
 *
 * @param version       the shape's version ({@value #VERSION})
 * @param language      the detected language
 * @param sentiment     per turn, speaker, quarter; the customer's overall sentiment and trend
 * @param talk          talk time, silences, overlaps, monologues, questions, speaking rate
 * @param pii           every PII mention, in turn and character order
 * @param redactedTurns each turn's text with the mentions replaced by their type tag
 * @param keyPhrases    the conversation's key noun phrases, best first
 */
public record Enrichment(String version, DetectedLanguage language, SentimentReport sentiment, TalkMetrics talk,
                         List<PiiEntity> pii, List<RedactedTurn> redactedTurns, List<KeyPhrase> keyPhrases) {

    public static final String VERSION = "1.0";

    public Enrichment {
        pii = List.copyOf(pii);
        redactedTurns = List.copyOf(redactedTurns);
        keyPhrases = List.copyOf(keyPhrases);
    }
}
