package io.verbatim.adaptation.lm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pronunciations in the CMU phone set for words outside the recogniser's dictionary, found offline:
 * a "sounds like" spelling made of dictionary words ("comfort pro"), or else the word split into the
 * fewest dictionary words that spell it ("brightpath" = "bright" + "path"; pieces of at least three
 * letters, so names are not spelled out from "a" and "i"). Words neither way can say go to the letter-to-sound step
 * ({@link EspeakNg}) when there is one, after both: a word's own dictionary pieces are more trustworthy than rules.
 * Words no step can say stay unknown.
 */
public final class Pronunciations {

    private static final int MIN_PIECE = 3;
    private final Map<String, String> dictionary;
    private final LetterToSound letterToSound;

    private Pronunciations(Map<String, String> dictionary, LetterToSound letterToSound) {
        this.dictionary = dictionary;
        this.letterToSound = letterToSound;
    }

    /** The same dictionary with a letter-to-sound step for what it and its words cannot say. */
    public Pronunciations withLetterToSound(LetterToSound step) {
        return new Pronunciations(dictionary, step);
    }

    public LetterToSound letterToSound() {
        return letterToSound;
    }

    /** Reads a CMU-format dictionary ("word PH ON ES", alternates as "word(2)", ignored). */
    public static Pronunciations load(Path cmudict) {
        Map<String, String> words = new HashMap<>(200_000);
        try {
            for (String line : Files.readAllLines(cmudict, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0 && line.charAt(space - 1) != ')') {
                    words.putIfAbsent(line.substring(0, space), line.substring(space + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Pronunciations(words, LetterToSound.NONE);
    }

    public static Pronunciations of(Map<String, String> dictionary) {
        return new Pronunciations(Map.copyOf(dictionary), LetterToSound.NONE);
    }

    public boolean known(String word) {
        return dictionary.containsKey(word);
    }

    /** Whether the text has words and the dictionary says every one of them. */
    public boolean knowsEvery(String text) {
        return knowsAll(LmText.words(text));
    }

    private boolean knowsAll(List<String> words) {
        return !words.isEmpty() && words.stream().allMatch(dictionary::containsKey);
    }

    /** The phones of a word the dictionary lacks, from its "sounds like" spellings first; empty when none can be found. */
    public Optional<String> guess(String word, List<String> soundsLike) {
        for (String spelling : soundsLike) {
            List<String> parts = LmText.words(spelling);
            if (knowsAll(parts)) {
                return Optional.of(String.join(" ", parts.stream().map(dictionary::get).toList()));
            }
        }
        return split(word);
    }

    /** Fewest dictionary words that spell {@code word} exactly (dynamic programming over prefixes). */
    Optional<String> split(String word) {
        int n = word.length();
        int[] pieces = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(pieces, Integer.MAX_VALUE);
        pieces[0] = 0;
        for (int end = MIN_PIECE; end <= n; end++) {
            for (int start = 0; start <= end - MIN_PIECE; start++) {
                if (pieces[start] != Integer.MAX_VALUE && pieces[start] + 1 < pieces[end]
                        && dictionary.containsKey(word.substring(start, end))) {
                    pieces[end] = pieces[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (pieces[n] == Integer.MAX_VALUE || pieces[n] < 2) {
            return Optional.empty();
        }
        List<String> phones = new java.util.ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            phones.addFirst(dictionary.get(word.substring(from[end], end)));
        }
        return Optional.of(String.join(" ", phones));
    }
}
