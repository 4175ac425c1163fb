package io.verbatim.adaptation.lm;

import java.util.List;

/**
 * Interpolated modified Kneser-Ney trigram estimation (Chen and Goodman 1998, as in SRILM's
 * {@code -kndiscount -interpolate} and KenLM's lmplz). The trigram order uses raw counts; bigrams and
 * unigrams use continuation counts (how many distinct words precede them), except bigrams that open a
 * sentence, which have no left context. Every order is interpolated with the one below, the unigrams
 * with the uniform distribution, so every history's distribution sums to one and the interpolation
 * weight of a history is exactly its back-off weight in the ARPA file.
 */
public final class KneserNey {

    private KneserNey() {
    }

    public static NgramModel estimate(NgramCounts counts) {
        List<String> words = counts.vocabulary();
        int size = words.size();
        long[] tri = counts.trigrams.sortedKeys();
        int[] triCount = new int[tri.length];
        for (int i = 0; i < tri.length; i++) {
            triCount[i] = counts.trigrams.get(tri[i], 0);
        }

        // bigram continuation counts: distinct left words of each trigram suffix; raw counts after <s>
        LongIntMap adjusted = new LongIntMap(Math.max(16, tri.length / 2));
        for (long k : tri) {
            adjusted.add(NgramCounts.pack(NgramCounts.second(k), NgramCounts.last(k)), 1);
        }
        for (long k : counts.initialBigrams.sortedKeys()) {
            adjusted.put(k, counts.initialBigrams.get(k, 0));
        }
        long[] bi = adjusted.sortedKeys();
        int[] biCount = new int[bi.length];
        int[] uniCount = new int[size];
        for (int i = 0; i < bi.length; i++) {
            biCount[i] = adjusted.get(bi[i], 0);
            uniCount[NgramCounts.last(bi[i])]++; // distinct left words of each word
        }

        Discounts d1 = Discounts.from(uniCount, NgramCounts.EOS, size);
        Discounts d2 = Discounts.from(biCount, 0, bi.length);
        Discounts d3 = Discounts.from(triCount, 0, tri.length);

        // unigrams, interpolated with the uniform distribution over every word but <s>
        double[] p1 = new double[size];
        long total = 0;
        double discounted = 0;
        for (int w = NgramCounts.EOS; w < size; w++) {
            total += uniCount[w];
            discounted += d1.of(uniCount[w]);
        }
        double uniform = (discounted / total) / (size - 2);
        for (int w = NgramCounts.EOS; w < size; w++) {
            p1[w] = (uniCount[w] - d1.of(uniCount[w])) / total + uniform;
        }

        // bigrams: histories are contiguous in the sorted keys
        double[] p2 = new double[bi.length];
        double[] bow1 = new double[size];
        java.util.Arrays.fill(bow1, 1);
        for (int start = 0; start < bi.length; ) {
            int v = (int) (bi[start] >>> 21);
            int end = start;
            long sum = 0;
            double mass = 0;
            while (end < bi.length && (int) (bi[end] >>> 21) == v) {
                sum += biCount[end];
                mass += d2.of(biCount[end]);
                end++;
            }
            double gamma = mass / sum;
            for (int i = start; i < end; i++) {
                p2[i] = (biCount[i] - d2.of(biCount[i])) / sum + gamma * p1[NgramCounts.last(bi[i])];
            }
            bow1[v] = gamma;
            start = end;
        }

        // trigrams: histories (u v) contiguous too; their weight is stored on the bigram (u v)
        double[] p3 = new double[tri.length];
        double[] bow2 = new double[bi.length];
        java.util.Arrays.fill(bow2, 1);
        for (int start = 0; start < tri.length; ) {
            long history = tri[start] >>> 21;
            int end = start;
            long sum = 0;
            double mass = 0;
            while (end < tri.length && tri[end] >>> 21 == history) {
                sum += triCount[end];
                mass += d3.of(triCount[end]);
                end++;
            }
            double gamma = mass / sum;
            int v = (int) (history & NgramCounts.MAX_WORDS);
            for (int i = start; i < end; i++) {
                int w = NgramCounts.last(tri[i]);
                int b = java.util.Arrays.binarySearch(bi, NgramCounts.pack(v, w));
                double lower = b >= 0 ? p2[b] : bow1[v] * p1[w];
                p3[i] = (triCount[i] - d3.of(triCount[i])) / sum + gamma * lower;
            }
            int h = java.util.Arrays.binarySearch(bi, history);
            if (h < 0) {
                throw new IllegalStateException("history without its bigram: " + history);
            }
            bow2[h] = gamma;
            start = end;
        }
        return new NgramModel(words.toArray(String[]::new), p1, bow1, bi, p2, bow2, tri, p3,
                new NgramModel.Statistics(counts.sentences(), counts.tokens(), d1, d2, d3));
    }
}
