package io.verbatim.analysis;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import java.util.List;
import java.util.Set;

/**
 * Which conversations a scorecard applies to. Each non-empty criterion must match; an empty
 * selector matches everything. Language entries are prefixes ("es" matches "es-419").
 */
public record ScorecardSelector(Set<Channel> channels, Set<Direction> directions, Set<String> tagsAny,
                                Set<String> tagsNone, List<String> languages) {

    public static final ScorecardSelector ALL = new ScorecardSelector(Set.of(), Set.of(), Set.of(), Set.of(), List.of());

    public ScorecardSelector {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        directions = directions == null ? Set.of() : Set.copyOf(directions);
        tagsAny = tagsAny == null ? Set.of() : Set.copyOf(tagsAny);
        tagsNone = tagsNone == null ? Set.of() : Set.copyOf(tagsNone);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** How many criteria are set: the more specific selector wins a tie in priority. */
    public int specificity() {
        return (channels.isEmpty() ? 0 : 1) + (directions.isEmpty() ? 0 : 1) + (tagsAny.isEmpty() ? 0 : 1)
                + (tagsNone.isEmpty() ? 0 : 1) + (languages.isEmpty() ? 0 : 1);
    }
}
