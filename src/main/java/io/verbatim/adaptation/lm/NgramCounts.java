package io.verbatim.adaptation.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trigram counts of a text, words numbered in order of first appearance ({@code <s>} = 1,
 * {@code </s>} = 2). Only trigrams and sentence-initial bigrams are counted: every other lower-order
 * count Kneser-Ney needs is a continuation count, derived from the trigram keys.
 */
public final class NgramCounts {

    static final int BOS = 1;
    static final int EOS = 2;
    static final int MAX_WORDS = (1 << 21) - 1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>(List.of("", "<s>", "</s>"));
    /** c(u v w) for every trigram, {@code <s>} padded on the left once. */
    final LongIntMap trigrams = new LongIntMap(1 << 16);
    /** c(&lt;s&gt; w): bigrams that start a sentence have no left context to count continuations from. */
    final LongIntMap initialBigrams = new LongIntMap(1 << 10);
    private long tokens;
    private long sentences;

    public NgramCounts() {
        ids.put("<s>", BOS);
        ids.put("</s>", EOS);
    }

    /** Counts one sentence (a turn), already split into words; empty sentences are skipped. */
    public void add(List<String> sentence) {
        if (sentence.isEmpty()) {
            return;
        }
        int u = BOS;
        int v = id(sentence.get(0));
        initialBigrams.add(pack(BOS, v), 1);
        for (int i = 1; i <= sentence.size(); i++) {
            int w = i < sentence.size() ? id(sentence.get(i)) : EOS;
            trigrams.add(pack(u, v, w), 1);
            u = v;
            v = w;
        }
        tokens += sentence.size() + 1;
        sentences++;
    }

    /** Counts free text: {@link LmText#words} of it, as one sentence. */
    public void addText(String text) {
        add(LmText.words(text));
    }

    private int id(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            if (words.size() > MAX_WORDS) {
                throw new IllegalStateException("more than " + MAX_WORDS + " distinct words");
            }
            id = words.size();
            ids.put(word, id);
            words.add(word);
        }
        return id;
    }

    /** Words by id; index 0 is unused. */
    List<String> vocabulary() {
        return words;
    }

    public long tokens() {
        return tokens;
    }

    public long sentences() {
        return sentences;
    }

    static long pack(int v, int w) {
        return ((long) v << 21) | w;
    }

    static long pack(int u, int v, int w) {
        return ((long) u << 42) | ((long) v << 21) | w;
    }

    static int first(long key) {
        return (int) (key >>> 42);
    }

    static int second(long key) {
        return (int) ((key >>> 21) & MAX_WORDS);
    }

    static int last(long key) {
        return (int) (key & MAX_WORDS);
    }
}
