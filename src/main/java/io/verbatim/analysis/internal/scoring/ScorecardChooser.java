package io.verbatim.analysis.internal.scoring;

import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardSelector;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Picks the scorecard for a conversation: among those whose selector matches, the highest
 * {@code priority}, then the most specific selector, then the first in the config.
 */
public final class ScorecardChooser {

    private ScorecardChooser() {
    }

    public static Optional<Scorecard> choose(List<Scorecard> scorecards, ConversationAttributes attributes, String language) {
        return IntStream.range(0, scorecards.size()).boxed()
                .filter(i -> matches(scorecards.get(i).appliesTo(), attributes, language))
                .min(Comparator.<Integer>comparingInt(i -> -scorecards.get(i).priority())
                        .thenComparingInt(i -> -scorecards.get(i).appliesTo().specificity())
                        .thenComparingInt(i -> i))
                .map(scorecards::get);
    }

    public static boolean matches(ScorecardSelector s, ConversationAttributes a, String language) {
        if (!s.channels().isEmpty() && (a.channel() == null || !s.channels().contains(a.channel()))) {
            return false;
        }
        if (!s.directions().isEmpty() && (a.direction() == null || !s.directions().contains(a.direction()))) {
            return false;
        }
        if (!s.tagsAny().isEmpty() && s.tagsAny().stream().noneMatch(a.tags()::contains)) {
            return false;
        }
        if (s.tagsNone().stream().anyMatch(a.tags()::contains)) {
            return false;
        }
        if (!s.languages().isEmpty()) {
            String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
            return s.languages().stream().map(l -> l.toLowerCase(Locale.ROOT))
                    .anyMatch(l -> lang.equals(l) || lang.startsWith(l + "-"));
        }
        return true;
    }
}
