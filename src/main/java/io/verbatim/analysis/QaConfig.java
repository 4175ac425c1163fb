package io.verbatim.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's {@code qa-config.json}: a library of named conditions, the scorecards and the trackers.
 * Read, validated and written by {@link QaConfigs}.
 */
public record QaConfig(int version, Map<String, Condition> conditions, List<Scorecard> scorecards, List<Tracker> trackers) {

    public static final int CURRENT_VERSION = 1;

    public QaConfig {
        conditions = conditions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        scorecards = scorecards == null ? List.of() : List.copyOf(scorecards);
        trackers = trackers == null ? List.of() : List.copyOf(trackers);
    }
}
