package io.verbatim.ask.internal;

import io.verbatim.ask.internal.Chunk.ChunkTurn;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts a transcript into windows of whole consecutive turns sized for a small sentence-embedding model:
 * a window grows until it reaches {@code target} tokens (never beyond {@code max}); the next one starts
 * with the previous window's last turns, up to {@code overlap} tokens, so an exchange split at a
 * boundary is whole in one of them. A single turn longer than {@code max} is split at sentence (or word)
 * boundaries into parts that keep the turn's index.
 */
final class Chunker {

    private final int target;
    private final int max;
    private final int overlap;
    private final ToIntFunction<String> tokens;

    Chunker(int target, int max, int overlap, ToIntFunction<String> tokens) {
        if (target <= 0 || max < target || overlap < 0 || overlap >= target) {
            throw new IllegalArgumentException("chunk sizes must satisfy 0 <= overlap < target <= max");
        }
        this.target = target;
        this.max = max;
        this.overlap = overlap;
        this.tokens = tokens;
    }

    /** About 1.1 word pieces per word plus one per punctuation mark: BERT's tokenizer on the test calls gives 1.11. */
    static int estimateTokens(String text) {
        int words = 0;
        int punctuation = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
                if (!Character.isWhitespace(c)) {
                    punctuation++;
                }
            }
        }
        return (int) Math.ceil(words * 1.1) + punctuation;
    }

    List<Chunk> chunk(List<Turn> turns) {
        List<ChunkTurn> parts = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            String text = t.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            for (String part : split(labelled(t.speaker().wire(), text), text)) {
                parts.add(new ChunkTurn(i, t.speaker().wire(), t.start(), t.end(), part));
            }
        }
        int[] size = parts.stream().mapToInt(p -> tokens.applyAsInt(p.label() + ": " + p.text()) + 1).toArray();
        List<Chunk> chunks = new ArrayList<>();
        int from = 0;
        while (from < parts.size()) {
            int to = from;
            int total = 0;
            while (to < parts.size() && (to == from || total + size[to] <= max)) {
                total += size[to];
                to++;
                if (total >= target) {
                    break;
                }
            }
            chunks.add(new Chunk(chunks.size(), parts.subList(from, to), total));
            if (to >= parts.size()) {
                break;
            }
            int next = to;
            int repeated = 0;
            while (next - 1 > from && repeated + size[next - 1] <= overlap) {
                next--;
                repeated += size[next];
            }
            from = next;
        }
        return chunks;
    }

    private static String labelled(String speaker, String text) {
        return speaker + ": " + text;
    }

    /** The turn's text in parts of at most {@code max} tokens, cut at sentence ends where possible. */
    private List<String> split(String labelled, String text) {
        if (tokens.applyAsInt(labelled) + 1 <= max) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces(text)) {
            String candidate = current.isEmpty() ? piece : current + " " + piece;
            if (!current.isEmpty() && tokens.applyAsInt("Customer: " + candidate) + 1 > target) {
                parts.add(current.toString());
                current.setLength(0);
                current.append(piece);
            } else {
                current.setLength(0);
                current.append(candidate);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** Sentences, and sentences still too long cut into runs of words. */
    private List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            if (tokens.applyAsInt(sentence) < target) {
                out.add(sentence);
                continue;
            }
            String[] words = sentence.split("\\s+");
            StringBuilder run = new StringBuilder();
            for (String w : words) {
                if (!run.isEmpty() && tokens.applyAsInt(run + " " + w) >= target) {
                    out.add(run.toString());
                    run.setLength(0);
                }
                run.append(run.isEmpty() ? "" : " ").append(w);
            }
            if (!run.isEmpty()) {
                out.add(run.toString());
            }
        }
        return out;
    }
}
