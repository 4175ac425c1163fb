package io.verbatim.speech;

/** One recognised word; times in seconds from the start of the conversation, confidence 0..1 (null when unknown). */
public record Word(String text, double start, double end, Double confidence) {
}
