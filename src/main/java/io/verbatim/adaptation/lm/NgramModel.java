package io.verbatim.adaptation.lm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * A back-off trigram model: probabilities of the n-grams seen, back-off weights of their histories,
 * the rest by backing off. Written as ARPA text, which sphinxbase's {@code ngram_model_read} loads.
 */
public final class NgramModel {

    /**
     * @param sentences sentences (turns) counted
     * @param tokens    words counted, {@code </s>} included
     */
    public record Statistics(long sentences, long tokens, Discounts unigram, Discounts bigram, Discounts trigram) {
    }

    private final String[] words;
    private final double[] p1;
    private final double[] bow1;
    private final long[] bigrams;
    private final double[] p2;
    private final double[] bow2;
    private final long[] trigrams;
    private final double[] p3;
    private final Statistics statistics;

    NgramModel(String[] words, double[] p1, double[] bow1, long[] bigrams, double[] p2, double[] bow2, long[] trigrams,
               double[] p3, Statistics statistics) {
        this.words = words;
        this.p1 = p1;
        this.bow1 = bow1;
        this.bigrams = bigrams;
        this.p2 = p2;
        this.bow2 = bow2;
        this.trigrams = trigrams;
        this.p3 = p3;
        this.statistics = statistics;
    }

    public Statistics statistics() {
        return statistics;
    }

    /** Distinct words, {@code <s>} and {@code </s>} included. */
    public int vocabularySize() {
        return words.length - 1;
    }

    public int bigramCount() {
        return bigrams.length;
    }

    public int trigramCount() {
        return trigrams.length;
    }

    /** The model's words, {@code <s>} and {@code </s>} included. */
    public List<String> words() {
        return Arrays.asList(words).subList(1, words.length);
    }

    /** Word id, or -1 when the word is not in the model. */
    public int id(String word) {
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals(word)) {
                return i;
            }
        }
        return -1;
    }

    /** P(w | u v) by the back-off rules an ARPA reader applies; u may be {@code <s>}. */
    public double probability(int u, int v, int w) {
        int t = Arrays.binarySearch(trigrams, NgramCounts.pack(u, v, w));
        if (t >= 0) {
            return p3[t];
        }
        int h = Arrays.binarySearch(bigrams, NgramCounts.pack(u, v));
        return (h >= 0 ? bow2[h] : 1) * probability(v, w);
    }

    /** P(w | v). */
    public double probability(int v, int w) {
        int b = Arrays.binarySearch(bigrams, NgramCounts.pack(v, w));
        return b >= 0 ? p2[b] : bow1[v] * p1[w];
    }

    /** P(w). */
    public double probability(int w) {
        return p1[w];
    }

    /** Writes the ARPA file atomically (a temporary file moved over the target). */
    public void writeArpa(Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            writeArpa(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void writeArpa(Writer writer) throws IOException {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("\\data\\\n");
        b.append("ngram 1=").append(words.length - 1).append('\n');
        b.append("ngram 2=").append(bigrams.length).append('\n');
        b.append("ngram 3=").append(trigrams.length).append("\n\n\\1-grams:\n");
        for (int w = 1; w < words.length; w++) {
            // <s> is never predicted: ARPA's conventional -99
            log10(b, w == NgramCounts.BOS ? 0 : p1[w]).append('\t').append(words[w]);
            if (w != NgramCounts.EOS) {
                log10(b.append('\t'), bow1[w]);
            }
            b.append('\n');
            flush(b, writer);
        }
        b.append("\n\\2-grams:\n");
        for (int i = 0; i < bigrams.length; i++) {
            long k = bigrams[i];
            log10(b, p2[i]).append('\t').append(words[(int) (k >>> 21)]).append(' ').append(words[NgramCounts.last(k)]);
            if (NgramCounts.last(k) != NgramCounts.EOS) {
                log10(b.append('\t'), bow2[i]);
            }
            b.append('\n');
            flush(b, writer);
        }
        b.append("\n\\3-grams:\n");
        for (int i = 0; i < trigrams.length; i++) {
            long k = trigrams[i];
            log10(b, p3[i]).append('\t').append(words[NgramCounts.first(k)]).append(' ').append(words[NgramCounts.second(k)])
                    .append(' ').append(words[NgramCounts.last(k)]).append('\n');
            flush(b, writer);
        }
        b.append("\n\\end\\\n");
        writer.write(b.toString());
        writer.flush();
    }

    private static void flush(StringBuilder b, Writer writer) throws IOException {
        if (b.length() > 60_000) {
            writer.write(b.toString());
            b.setLength(0);
        }
    }

    /** log10 with 6 decimals, without String.format (millions of lines). */
    private static StringBuilder log10(StringBuilder b, double p) {
        if (p <= 0) {
            return b.append("-99");
        }
        long scaled = Math.round(Math.log10(p) * 1e6);
        if (scaled < 0) {
            b.append('-');
            scaled = -scaled;
        }
        b.append(scaled / 1_000_000).append('.');
        String frac = Long.toString(scaled % 1_000_000);
        b.append("000000", 0, 6 - frac.length()).append(frac);
        return b;
    }
}
