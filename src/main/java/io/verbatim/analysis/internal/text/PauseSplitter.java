package io.verbatim.analysis.internal.text;

import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentences of a recognised turn that has no sentence punctuation: a speech engine writes a whole turn as
 * one run of words ("gotcha yeah eighteen years is getting up there how big is the house roughly"), so the
 * punctuation splitter would see one sentence, a question lost in the middle of it. Speakers pause between
 * sentences; the engine's word timings show the pauses, and the turn is cut where the silence between two
 * words reaches {@link #MIN_PAUSE_SECONDS}.
 */
public final class PauseSplitter {

    /** Pause that ends a sentence (chosen on the recognised development calls, docs/analysis-evaluation.md). */
    public static final double MIN_PAUSE_SECONDS = 0.3;

    private PauseSplitter() {
    }

    /** Whether the turn reads as an engine's output: words with timings, and no sentence punctuation in its text. */
    static boolean applies(Turn turn) {
        String text = turn.text();
        return turn.words().size() > 1 && text.indexOf('.') < 0 && text.indexOf('?') < 0 && text.indexOf('!') < 0;
    }

    /**
     * [start, end) character offsets of the turn's sentences, or null when the words cannot be found in the
     * text in order (then the caller splits by punctuation as usual).
     */
    static List<int[]> split(Turn turn, double minPause) {
        String text = turn.text();
        String lower = text.toLowerCase(Locale.ROOT);
        List<Word> words = turn.words();
        int[] starts = new int[words.size()];
        int[] ends = new int[words.size()];
        int cursor = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).text().toLowerCase(Locale.ROOT).strip();
            int at = w.isEmpty() ? -1 : lower.indexOf(w, cursor);
            if (at < 0) {
                return null;
            }
            starts[i] = at;
            ends[i] = at + w.length();
            cursor = ends[i];
        }
        List<int[]> spans = new ArrayList<>();
        int sentenceStart = starts[0];
        for (int i = 1; i < words.size(); i++) {
            double pause = words.get(i).start() - words.get(i - 1).end();
            if (pause >= minPause) {
                spans.add(new int[] {sentenceStart, ends[i - 1]});
                sentenceStart = starts[i];
            }
        }
        spans.add(new int[] {sentenceStart, ends[words.size() - 1]});
        return spans;
    }
}
