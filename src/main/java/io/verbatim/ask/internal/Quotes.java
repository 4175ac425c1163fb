package io.verbatim.ask.internal;

import java.util.List;
import java.util.Locale;

/** Short quotes: a turn's text, cut to about {@link #MAX} characters around the first matching word. */
final class Quotes {

    static final int MAX = 280;

    private Quotes() {
    }

    static String excerpt(String text, List<String> stems) {
        String t = text.strip();
        if (t.length() <= MAX) {
            return t;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        int at = -1;
        for (String stem : stems) {
            int i = lower.indexOf(stem);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        int start = at < 0 ? 0 : Math.max(0, at - MAX / 3);
        start = start == 0 ? 0 : Math.max(0, t.lastIndexOf(' ', start) + 1);
        int end = Math.min(t.length(), start + MAX);
        int space = t.lastIndexOf(' ', end);
        if (end < t.length() && space > start + MAX / 2) {
            end = space;
        }
        return (start > 0 ? "…" : "") + t.substring(start, end).strip() + (end < t.length() ? "…" : "");
    }
}
