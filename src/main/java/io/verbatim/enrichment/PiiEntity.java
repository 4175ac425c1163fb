package io.verbatim.enrichment;

import io.verbatim.speech.Speaker;

/**
 * One mention of personal data, with its evidence: the turn, the exact characters and the time.
 *
 * @param type       what it is
 * @param turn       0-based index into the transcript's turns
 * @param startChar  first character of the mention in the turn's text (inclusive)
 * @param endChar    end of the mention in the turn's text (exclusive)
 * @param text       exactly {@code turns[turn].text.substring(startChar, endChar)}
 * @param speaker    who said it
 * @param start      seconds from the start of the conversation where the mention begins
 * @param end        seconds where it ends
 * @param timing     {@code words} when the times come from word timings, {@code estimated} when they are
 *                   interpolated over the turn by character position
 * @param rule       the detector rule that fired (e.g. {@code spoken-digits+phone}, {@code self-introduction}),
 *                   so a reviewer sees why
 * @param normalized a canonical form where one exists (E.164 phone, written e-mail, digits), else null
 */
public record PiiEntity(PiiType type, int turn, int startChar, int endChar, String text, Speaker speaker,
                        double start, double end, String timing, String rule, String normalized) {
}
