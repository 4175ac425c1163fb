package io.verbatim.analysis.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sentence ends and question marks for a turn written without them, as speech engines write ("thanks for calling
 * this is dana how can i help you"). A trained multinomial logistic model ({@code analysis/models/sentence-ends.json},
 * written by {@code scripts/punctuation/train.py}) decides after each word: no break, a statement ends, a question
 * ends; from the words around the gap, the first words of the sentence so far and its length, left to right. Without
 * it, such a turn is one long sentence that is never a question, and every rule that listens for a question or
 * reads one sentence's meaning goes deaf on recorded calls.
 */
public final class SentenceEnds {

    static final int NONE = 0;
    static final int STATEMENT = 1;
    static final int QUESTION = 2;

    /** A sentence found: [start, end) character offsets in the turn, and whether it is a question. */
    public record Span(int start, int end, boolean question) {
    }

    record Token(String word, int start, int end) {
    }

    /** The weights per feature, and the offsets added to the statement and question scores (chosen with them). */
    private record Model(Map<String, double[]> weights, double statementOffset, double questionOffset) {
    }

    private static final class Holder {
        static final Model MODEL = load();
    }

    private SentenceEnds() {
    }

    /** The turn's sentences; the last word always ends one. */
    public static List<Span> split(String text) {
        List<Token> tokens = tokens(text);
        List<String> words = tokens.stream().map(Token::word).toList();
        int[] labels = decode(words);
        List<Span> spans = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != NONE) {
                spans.add(new Span(tokens.get(s).start(), tokens.get(i).end(), labels[i] == QUESTION));
                s = i + 1;
            }
        }
        return spans;
    }

    /** The label after each word. */
    static int[] decode(List<String> words) {
        Model model = Holder.MODEL;
        Map<String, double[]> weights = model.weights();
        int[] labels = new int[words.size()];
        int s = 0;
        for (int i = 0; i < words.size(); i++) {
            double[] z = {0, model.statementOffset(), model.questionOffset()};
            for (String f : features(words, i, s)) {
                double[] w = weights.get(f);
                if (w != null) {
                    z[0] += w[0];
                    z[1] += w[1];
                    z[2] += w[2];
                }
            }
            int label;
            if (i == words.size() - 1) {
                label = z[QUESTION] > z[STATEMENT] ? QUESTION : STATEMENT;
            } else {
                label = z[1] > z[0] ? (z[2] > z[1] ? 2 : 1) : (z[2] > z[0] ? 2 : 0);
            }
            labels[i] = label;
            if (label != NONE) {
                s = i + 1;
            }
        }
        return labels;
    }

    /** Must build exactly the features of {@code train.py}'s {@code features}. */
    static List<String> features(List<String> words, int i, int s) {
        String end = i == words.size() - 1 ? "|E" : "|M";
        String w0 = word(words, i);
        String w1 = word(words, i + 1);
        String wm1 = word(words, i - 1);
        String w2 = word(words, i + 2);
        return List.of("b", "w0=" + w0, "w1=" + w1, "wm1=" + wm1, "w2=" + w2, "w0w1=" + w0 + "|" + w1,
                "wm1w0=" + wm1 + "|" + w0, "w1w2=" + w1 + "|" + w2, "f0=" + words.get(s) + end,
                "f01=" + words.get(s) + "|" + (s + 1 <= i ? words.get(s + 1) : "-"), "len=" + bucket(i - s + 1) + end);
    }

    private static String word(List<String> words, int k) {
        return k < 0 ? "<s>" : k >= words.size() ? "</s>" : words.get(k);
    }

    private static String bucket(int k) {
        return k <= 1 ? "1" : k == 2 ? "2" : k == 3 ? "3" : k <= 6 ? "4-6" : k <= 10 ? "7-10" : "11+";
    }

    /** Words split at spaces and hyphens, lower case, letters, digits and apostrophes only; all-digit words are "0". */
    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && separator(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !separator(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String w = norm(text.substring(start, i));
                if (!w.isEmpty()) {
                    out.add(new Token(w, start, i));
                }
            }
        }
        return out;
    }

    static String norm(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        boolean digits = true;
        for (char c : raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'').toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '\'') {
                b.append(c);
                digits &= Character.isDigit(c);
            }
        }
        return b.length() > 0 && digits ? "0" : b.toString();
    }

    private static boolean separator(char c) {
        return Character.isWhitespace(c) || c == '-';
    }

    private static Model load() {
        try (InputStream in = SentenceEnds.class.getClassLoader().getResourceAsStream("analysis/models/sentence-ends.json")) {
            if (in == null) {
                throw new IllegalStateException("analysis/models/sentence-ends.json is missing from the classpath");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            JsonNode features = root.get("features");
            Map<String, double[]> out = new HashMap<>(features.size() * 2);
            for (Map.Entry<String, JsonNode> e : features.properties()) {
                JsonNode w = e.getValue();
                out.put(e.getKey(), new double[] {w.get(0).asDouble(), w.get(1).asDouble(), w.get(2).asDouble()});
            }
            return new Model(out, root.path("offsets").path(0).asDouble(0), root.path("offsets").path(1).asDouble(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
