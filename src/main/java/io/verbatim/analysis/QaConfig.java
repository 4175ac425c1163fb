package io.verbatim.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's {@code qa-config.json}: a library of named conditions, the scorecards, the trackers and an
 * optional call-reason taxonomy (empty = the built-in one). Read, validated and written by {@link QaConfigs}.
 */
public record QaConfig(int version, Map<String, Condition> conditions, List<Scorecard> scorecards, List<Tracker> trackers,
                       List<CallReasonDefinition> callReasons) {

    public static final int CURRENT_VERSION = 1;

    public QaConfig {
        conditions = conditions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        scorecards = scorecards == null ? List.of() : List.copyOf(scorecards);
        trackers = trackers == null ? List.of() : List.copyOf(trackers);
        callReasons = callReasons == null ? List.of() : List.copyOf(callReasons);
    }

    /** A config without its own call-reason taxonomy. */
    public QaConfig(int version, Map<String, Condition> conditions, List<Scorecard> scorecards, List<Tracker> trackers) {
        this(version, conditions, scorecards, trackers, List.of());
    }

    public QaConfig withCallReasons(List<CallReasonDefinition> reasons) {
        return new QaConfig(version, conditions, scorecards, trackers, reasons);
    }
}
