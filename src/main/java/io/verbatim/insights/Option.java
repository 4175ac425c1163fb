package io.verbatim.insights;

/** A choice for a page filter: the value sent and the name shown. */
public record Option(String value, String label) {
}
