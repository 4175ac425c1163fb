package io.verbatim.insights;

/** How many conversations had {@code key} (a call reason, objection category, tracker...). */
public record Count(String key, long conversations) {
}
