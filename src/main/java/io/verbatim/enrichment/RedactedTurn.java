package io.verbatim.enrichment;

/** A turn's text with each PII mention replaced by its type tag ({@code [PHONE]}, {@code [NAME]}...). */
public record RedactedTurn(int turn, String text) {
}
