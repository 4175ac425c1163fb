package io.verbatim.analysis.internal.rules;

import io.verbatim.analysis.internal.text.Sentence;
import java.util.List;

/** A conversation's sentence embeddings, each computed at most once and shared by the rules and the judges. */
final class SentenceVectors {

    /** Sentences this short are memoised by the embedder across conversations. */
    private static final int SHORT_WORDS = 2;

    private final float[][] vectors;
    private final SentenceEmbedder embedder;

    SentenceVectors(int sentences, SentenceEmbedder embedder) {
        this.vectors = new float[sentences][];
        this.embedder = embedder;
    }

    void ensure(List<Sentence> sentences) {
        List<Sentence> missing = sentences.stream().filter(x -> vectors[x.index()] == null).toList();
        if (missing.isEmpty()) {
            return;
        }
        // Replies of one or two words ("Okay.", "Yes, please.", "Thank you.") recur in every conversation, so
        // they go through the model's memoised path; the vectors are the same, only computed once per process.
        List<Sentence> common = missing.stream().filter(SentenceVectors::memoised).toList();
        List<Sentence> rest = missing.stream().filter(x -> !memoised(x)).toList();
        store(common, embedder.embedExamples(common.stream().map(Sentence::punctuated).toList()));
        store(rest, embedder.embedAll(rest.stream().map(Sentence::punctuated).toList()));
    }

    /** Whether the sentence goes through the memoised path (the same vector in every conversation that says it). */
    static boolean memoised(Sentence sentence) {
        return sentence.wordCount() <= SHORT_WORDS;
    }

    float[] of(Sentence sentence) {
        return vectors[sentence.index()];
    }

    int count() {
        int n = 0;
        for (float[] v : vectors) {
            n += v == null ? 0 : 1;
        }
        return n;
    }

    private void store(List<Sentence> sentences, List<float[]> embedded) {
        for (int i = 0; i < sentences.size(); i++) {
            vectors[sentences.get(i).index()] = embedded.get(i);
        }
    }
}
