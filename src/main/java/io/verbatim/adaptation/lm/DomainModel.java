package io.verbatim.adaptation.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds one tenant's domain language model: the shipped base conversation text, the tenant's own
 * text (transcripts, scorecard phrases) and its vocabulary phrases (counted {@link #PHRASE_REPEATS}
 * times: a name said once in a year of calls must still be likely), with pronunciations for the
 * words the recogniser's dictionary lacks.
 */
public final class DomainModel {

    /** How often each vocabulary phrase is counted, as if said in that many turns. */
    public static final int PHRASE_REPEATS = 3;
    /** Words per build given to the letter-to-sound step (the rest stay unpronounceable). */
    static final int MAX_LETTER_TO_SOUND = 5_000;
    private static final String BASE_TEXT = "/adaptation/base-conversation.txt";

    /**
     * @param text       as written ("Summit Roofing")
     * @param soundsLike how it sounds, in dictionary words ("summit roofin")
     */
    public record Phrase(String text, List<String> soundsLike) {
        public Phrase {
            soundsLike = soundsLike == null ? List.of() : List.copyOf(soundsLike);
        }
    }

    /**
     * @param pronunciations  phones for the model's words outside the dictionary
     * @param unpronounceable words of the model without a pronunciation (the recogniser cannot say them)
     * @param letterToSound   the letter-to-sound step used ("espeak-ng 1.51"), or why there was none
     */
    public record Built(Path arpa, Map<String, String> pronunciations, List<String> unpronounceable, long sentences,
                        long words, int vocabulary, int bigrams, int trigrams, long millis, String letterToSound) {
    }

    private DomainModel() {
    }

    /** The base text's distinct words, read once. */
    private static final class BaseWords {
        static final java.util.Set<String> WORDS = baseText().stream().flatMap(l -> LmText.words(l).stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Every word of the shipped base text: what a tenant's model knows before any of its own text. A settings page lists
     * a model's words outside the dictionary minus these (the base text's own are the public chats' typos and
     * run-together words, "rajgmailcom", "nothingthank": kept in the model, where leaving them out made the 8 kHz
     * recognition worse, docs/speech.md).
     */
    public static java.util.Set<String> baseWords() {
        return BaseWords.WORDS;
    }

    /** The shipped licence-clean conversation turns (see adaptation/NOTICE.md). */
    public static List<String> baseText() {
        List<String> lines = new ArrayList<>();
        try (InputStream in = DomainModel.class.getResourceAsStream(BASE_TEXT)) {
            if (in == null) {
                throw new IllegalStateException(BASE_TEXT + " is missing from the class path");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().forEach(lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    public static Built build(Iterable<String> tenantText, List<Phrase> vocabulary, Pronunciations dictionary, Path arpa)
            throws IOException {
        long start = System.nanoTime();
        NgramCounts counts = new NgramCounts();
        baseText().forEach(counts::addText);
        tenantText.forEach(counts::addText);
        Map<String, String> pronunciations = new LinkedHashMap<>();
        for (Phrase phrase : vocabulary) {
            List<String> words = LmText.words(phrase.text());
            for (int i = 0; i < PHRASE_REPEATS; i++) {
                counts.add(words);
            }
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (!dictionary.known(word) && !pronunciations.containsKey(word)) {
                    dictionary.guess(word, soundsLikeOf(phrase, words.size(), i)).ifPresent(p -> pronunciations.put(word, p));
                }
            }
        }
        NgramModel model = KneserNey.estimate(counts);
        TreeSet<String> unpronounceable = new TreeSet<>();
        for (String word : model.words()) {
            if (!word.startsWith("<") && !dictionary.known(word) && !pronunciations.containsKey(word)) {
                dictionary.guess(word, List.of()).ifPresentOrElse(p -> pronunciations.put(word, p), () -> unpronounceable.add(word));
            }
        }
        // what neither the dictionary nor its pieces can say goes to the letter-to-sound step, capped per build
        List<String> asked = unpronounceable.stream().limit(MAX_LETTER_TO_SOUND).toList();
        dictionary.letterToSound().pronounce(asked).forEach((word, phones) -> {
            pronunciations.put(word, phones);
            unpronounceable.remove(word);
        });
        model.writeArpa(arpa);
        return new Built(arpa, pronunciations, List.copyOf(unpronounceable), counts.sentences(), counts.tokens(),
                model.vocabularySize(), model.bigramCount(), model.trigramCount(), (System.nanoTime() - start) / 1_000_000,
                dictionary.letterToSound().describe());
    }

    /** A one-word phrase sounds like its spellings; in a longer one, a spelling of as many words lends the word its own. */
    private static List<String> soundsLikeOf(Phrase phrase, int words, int index) {
        List<String> out = new ArrayList<>();
        for (String spelling : phrase.soundsLike()) {
            List<String> parts = LmText.words(spelling);
            if (words == 1) {
                out.add(spelling);
            } else if (parts.size() == words) {
                out.add(parts.get(index));
            }
        }
        return out;
    }
}
