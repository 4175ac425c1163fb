package io.verbatim.analysis.internal.config;

/** One problem in a config, located by a JSON path ({@code $.scorecards[0].sections[1].items[2].rule}). */
public record ConfigError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
