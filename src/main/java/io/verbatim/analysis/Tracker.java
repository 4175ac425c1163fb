package io.verbatim.analysis;

/** A tenant-defined category (keyword, pattern or semantic): every sentence matching the rule is a located hit. */
public record Tracker(String key, String name, String description, Condition rule) {
}
