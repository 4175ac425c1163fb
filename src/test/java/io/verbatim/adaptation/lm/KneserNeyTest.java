package io.verbatim.adaptation.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KneserNeyTest {

    private static NgramModel model(String... sentences) {
        NgramCounts counts = new NgramCounts();
        for (String s : sentences) {
            counts.add(List.of(s.split(" ")));
        }
        return KneserNey.estimate(counts);
    }

    /** Hand-computed: "a b", "a b", "a c" (see the comments for each figure). */
    @Test
    void probabilitiesMatchTheHandComputedEstimate() {
        NgramModel m = model("a b", "a b", "a c");
        int s = m.id("<s>");
        int a = m.id("a");
        int b = m.id("b");
        int c = m.id("c");
        int end = m.id("</s>");
        // continuation counts a=1 b=1 c=1 </s>=2, total 5; one discount Y = n1/(n1+2 n2) = 3/5;
        // uniform share = (4 x 0.6 / 5) / 4 words = 0.12
        assertThat(m.probability(a)).isCloseTo(0.4 / 5 + 0.12, within(1e-12));
        assertThat(m.probability(end)).isCloseTo(1.4 / 5 + 0.12, within(1e-12));
        // bigrams after "a": continuation counts 1 and 1, discount 0.5 (no doubletons: the fallback), gamma = 1/2
        assertThat(m.probability(a, b)).isCloseTo(0.5 / 2 + 0.5 * 0.2, within(1e-12));
        // unseen after "a": back-off weight 0.5 times the unigram
        assertThat(m.probability(a, end)).isCloseTo(0.5 * 0.4, within(1e-12));
        // after <s>: raw count 3 (no left context), gamma = 0.5 / 3
        assertThat(m.probability(s, a)).isCloseTo(2.5 / 3 + 0.5 / 3 * 0.2, within(1e-12));
        // trigrams: counts 2,2,1,1, discount 1/3; history "<s> a": sum 3, gamma = (2/3)/3
        assertThat(m.probability(s, a, b)).isCloseTo((2 - 1.0 / 3) / 3 + 2.0 / 9 * 0.35, within(1e-12));
        assertThat(m.probability(s, a, c)).isCloseTo((1 - 1.0 / 3) / 3 + 2.0 / 9 * 0.35, within(1e-12));
        assertThat(m.probability(s, a, end)).isCloseTo(2.0 / 9 * 0.5 * 0.4, within(1e-12));
    }

    @Test
    void everyHistorySumsToOneOnARealisticCorpus() {
        NgramModel m = randomCorpus(4_000);
        // the modified discounts are in use, not the fallback
        assertThat(m.statistics().trigram().d1()).isNotEqualTo(m.statistics().trigram().d3());
        int v = m.vocabularySize();
        for (int h = 1; h <= v; h++) {
            if (h == m.id("</s>")) {
                continue;
            }
            assertThat(sum(m, -1, h)).as("P(. | %d)", h).isCloseTo(1.0, within(1e-9));
        }
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            int u = 1 + r.nextInt(v);
            int h = 1 + r.nextInt(v);
            if (h == m.id("</s>") || h == m.id("<s>") || u == m.id("</s>")) {
                continue;
            }
            assertThat(sum(m, u, h)).as("P(. | %d %d)", u, h).isCloseTo(1.0, within(1e-9));
        }
        double unigrams = 0;
        for (int w = 2; w <= v; w++) {
            unigrams += m.probability(w);
        }
        assertThat(unigrams).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theArpaFileHoldsTheSameModelAndItsBackoffWeightsNormalise() throws IOException {
        NgramModel m = randomCorpus(500);
        StringWriter out = new StringWriter();
        m.writeArpa(out);
        Arpa arpa = Arpa.parse(out.toString());
        assertThat(arpa.counts()).containsExactly(m.vocabularySize(), m.bigramCount(), m.trigramCount());
        assertThat(arpa.prob("<s>")).isEqualTo(-99.0);
        // every history's distribution, rebuilt from the file by back-off alone, sums to one (6-decimal rounding)
        List<String> vocab = arpa.words().stream().filter(w -> !w.equals("<s>")).toList();
        for (String h : List.of("w3", "w10", "<s>")) {
            double total = vocab.stream().mapToDouble(w -> Math.pow(10, arpa.logProb(h, w))).sum();
            assertThat(total).as(h).isCloseTo(1.0, within(1e-4));
        }
        String u = "<s>";
        String h = "w1";
        double total = vocab.stream().mapToDouble(w -> Math.pow(10, arpa.logProb(u, h, w))).sum();
        assertThat(total).isCloseTo(1.0, within(1e-4));
        assertThat(Math.pow(10, arpa.logProb(u, h, "w2"))).isCloseTo(
                m.probability(m.id(u), m.id(h), m.id("w2")), within(1e-5));
    }

    @Test
    void textBecomesSpokenWords() {
        assertThat(LmText.words("Thanks for calling ComfortPro, this is Tyler. Um, it's 72 - call (480) 555-0166!"))
                .containsExactly("thanks", "for", "calling", "comfortpro", "this", "is", "tyler", "it's", "seventy", "two",
                        "call", "four", "eight", "zero", "five", "five", "five", "zero", "one", "six", "six");
        // accents come off, the letters stay: the dictionary spells these without them
        assertThat(LmText.words("José asked for the café's crème brûlée, señor: aprobación"))
                .containsExactly("jose", "asked", "for", "the", "cafe's", "creme", "brulee", "senor", "aprobacion");
    }

    /** Zipf-distributed words with a little local structure: enough trigrams seen 1-4 times. */
    private static NgramModel randomCorpus(int sentences) {
        Random r = new Random(42);
        NgramCounts counts = new NgramCounts();
        for (int s = 0; s < sentences; s++) {
            List<String> words = new ArrayList<>();
            int len = 1 + r.nextInt(12);
            int prev = 0;
            for (int i = 0; i < len; i++) {
                int w = r.nextDouble() < 0.5 ? (prev * 7 + 3) % 60 : (int) Math.floor(Math.pow(120, r.nextDouble()));
                words.add("w" + w);
                prev = w;
            }
            counts.add(words);
        }
        return KneserNey.estimate(counts);
    }

    /** Σ_w P(w | u h) over every word but <s>; u = -1: Σ_w P(w | h). */
    private static double sum(NgramModel m, int u, int h) {
        double total = 0;
        for (int w = 2; w <= m.vocabularySize(); w++) {
            total += u < 0 ? m.probability(h, w) : m.probability(u, h, w);
        }
        return total;
    }

    /** A minimal ARPA reader: back-off look-ups exactly as a decoder does them. */
    record Arpa(List<Integer> counts, List<String> words, Map<String, double[]> entries) {

        static Arpa parse(String text) {
            List<Integer> counts = new ArrayList<>();
            List<String> words = new ArrayList<>();
            Map<String, double[]> entries = new HashMap<>();
            int order = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("ngram ")) {
                    counts.add(Integer.parseInt(line.substring(line.indexOf('=') + 1)));
                } else if (line.matches("\\\\\\d-grams:")) {
                    order = line.charAt(1) - '0';
                } else if (order > 0 && !line.isBlank() && !line.startsWith("\\")) {
                    String[] f = line.split("\t");
                    double bow = f.length > 2 ? Double.parseDouble(f[2]) : 0;
                    entries.put(f[1], new double[] {Double.parseDouble(f[0]), bow});
                    if (order == 1) {
                        words.add(f[1]);
                    }
                }
            }
            return new Arpa(counts, words, entries);
        }

        double prob(String ngram) {
            return entries.get(ngram)[0];
        }

        double logProb(String... ngram) {
            double[] e = entries.get(String.join(" ", ngram));
            if (e != null) {
                return e[0];
            }
            String[] history = java.util.Arrays.copyOf(ngram, ngram.length - 1);
            double[] h = entries.get(String.join(" ", history));
            return (h == null ? 0 : h[1]) + logProb(java.util.Arrays.copyOfRange(ngram, 1, ngram.length));
        }
    }
}
