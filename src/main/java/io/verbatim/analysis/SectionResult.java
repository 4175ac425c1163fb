package io.verbatim.analysis;

/** A section's score: 100 x (weights of passed items) / (weights of applicable items); null when none applies. */
public record SectionResult(String key, String name, double weight, Double score, int applicableItems, int passedItems) {
}
