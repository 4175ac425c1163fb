package io.verbatim.enrichment.pii;

import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.Locale;

/**
 * Maps a character span of a turn to time: through the turn's word timings when the engine gave them
 * (each word is located in the text in order), else by interpolating over the turn's duration.
 */
public final class WordTimes {

    /** @param exact true when word timings were used */
    public record Interval(double start, double end, boolean exact) {
    }

    private WordTimes() {
    }

    public static Interval of(Turn turn, int startChar, int endChar) {
        String text = turn.text();
        if (!turn.words().isEmpty()) {
            String lower = text.toLowerCase(Locale.ROOT);
            int cursor = 0;
            double s = Double.NaN;
            double e = Double.NaN;
            for (Word w : turn.words()) {
                String token = w.text().toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                if (token.isEmpty()) {
                    continue;
                }
                int at = lower.indexOf(token, cursor);
                if (at < 0) {
                    continue;
                }
                int wEnd = at + token.length();
                cursor = wEnd;
                if (at < endChar && startChar < wEnd) {
                    s = Double.isNaN(s) ? w.start() : Math.min(s, w.start());
                    e = Double.isNaN(e) ? w.end() : Math.max(e, w.end());
                }
            }
            if (!Double.isNaN(s)) {
                return new Interval(s, e, true);
            }
        }
        double length = Math.max(1, text.length());
        double duration = Math.max(0, turn.end() - turn.start());
        return new Interval(turn.start() + duration * startChar / length, turn.start() + duration * endChar / length, false);
    }
}
