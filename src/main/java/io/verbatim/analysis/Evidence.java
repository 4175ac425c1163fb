package io.verbatim.analysis;

/**
 * Where a result comes from.
 *
 * @param turn  0-based index into the transcript's turns
 * @param start seconds from the start of the conversation where the quoted sentence starts (estimated
 *              from the turn's timing when the transcript has no word timings)
 * @param quote the sentence, verbatim
 */
public record Evidence(int turn, double start, String quote) {
}
