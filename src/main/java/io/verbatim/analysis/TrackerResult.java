package io.verbatim.analysis;

import java.util.List;

/** A tracker's hits in one conversation, each located (turn, time, speaker, quote). */
public record TrackerResult(String key, String name, int count, List<Hit> hits) {

    public TrackerResult {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    public record Hit(int turn, double start, String speaker, String quote) {
    }
}
