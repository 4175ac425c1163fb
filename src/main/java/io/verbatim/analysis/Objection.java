package io.verbatim.analysis;

/** A customer turn pushing back on buying, booking or staying. One turn can carry two categories. */
public record Objection(ObjectionCategory category, int turn, double start, String quote) {
}
