package io.verbatim.enrichment;

import java.util.List;

/**
 * A noun phrase that characterises the conversation.
 *
 * @param phrase the phrase as first spoken, lower-cased
 * @param count  how many times it (or its lemma form) occurs
 * @param score  the ranking score (frequency times length, spread over the call); higher first
 * @param turns  the 0-based turns it occurs in
 */
public record KeyPhrase(String phrase, int count, double score, List<Integer> turns) {

    public KeyPhrase {
        turns = List.copyOf(turns);
    }
}
