package io.verbatim.analysis.internal.text;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A transcript prepared for rules: its sentences, folded once, with turn positions per speaker. */
public final class ConversationText {

    private final Transcript transcript;
    private final List<Sentence> sentences;
    private final List<List<Sentence>> byTurn;
    private final int[] speakerOrdinal;
    private final int[] speakerTurnCount;
    private final double end;
    private final String language;
    private final boolean restored;
    /** Per turn, the words the engine was unsure of; filled when a rule first asks. */
    private final Map<Integer, Set<String>> unsure = new HashMap<>();

    public ConversationText(Transcript transcript) {
        this.transcript = transcript;
        List<Turn> turns = transcript.turns();
        List<Sentence> all = new ArrayList<>();
        List<List<Sentence>> perTurn = new ArrayList<>(turns.size());
        speakerOrdinal = new int[turns.size()];
        speakerTurnCount = new int[Speaker.values().length];
        double last = 0;
        this.language = transcript.language() == null ? "" : transcript.language().toLowerCase(Locale.ROOT);
        this.restored = (language.isEmpty() || language.startsWith("en")) && unpunctuated(turns);
        for (int t = 0; t < turns.size(); t++) {
            Turn turn = turns.get(t);
            speakerOrdinal[t] = speakerTurnCount[turn.speaker().ordinal()]++;
            last = Math.max(last, turn.end());
            List<Sentence> own = new ArrayList<>();
            String text = turn.text();
            int ordinal = 0;
            List<SentenceEnds.Span> spans = restored ? SentenceEnds.split(text)
                    : SentenceSplitter.split(text).stream().map(x -> new SentenceEnds.Span(x[0], x[1], false)).toList();
            for (SentenceEnds.Span span : spans) {
                String s = text.substring(span.start(), span.end());
                if (Normalizer.words(s).isBlank()) {
                    continue;
                }
                String end = !restored ? "" : span.question() ? "?" : ".";
                // the folded form carries the restored mark, so patterns that read a question mark hear it too
                Sentence sentence = new Sentence(all.size(), t, ordinal++, turn.speaker(), startOf(turn, span.start()), s,
                        Normalizer.fold(s + end), Normalizer.words(s), end);
                all.add(sentence);
                own.add(sentence);
            }
            perTurn.add(Collections.unmodifiableList(own));
        }
        this.sentences = Collections.unmodifiableList(all);
        this.byTurn = Collections.unmodifiableList(perTurn);
        this.end = Math.max(last, transcript.durationSeconds());
    }

    /**
     * Written the way speech engines write: fewer than one sentence mark per 40 words in the whole conversation
     * (typed transcripts have one every 8 to 15). Its sentences are then found by {@link SentenceEnds}.
     */
    static boolean unpunctuated(List<Turn> turns) {
        long words = 0;
        long marks = 0;
        for (Turn turn : turns) {
            String text = turn.text();
            words += Normalizer.wordCount(Normalizer.words(text));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c == '.' || c == '?' || c == '!' || c == '\u2026')
                        && (i + 1 == text.length() || !Character.isDigit(text.charAt(i + 1)))) {
                    marks++;
                }
            }
        }
        return words > 0 && marks * 40 < words;
    }

    private static double startOf(Turn turn, int offset) {
        if (offset == 0 || turn.text().isEmpty()) {
            return turn.start();
        }
        List<Word> words = turn.words();
        double fraction = (double) offset / turn.text().length();
        if (!words.isEmpty()) {
            int index = Math.min(words.size() - 1, (int) Math.floor(fraction * words.size()));
            return words.get(index).start();
        }
        return turn.start() + fraction * Math.max(0, turn.end() - turn.start());
    }

    /** Below this a recognised word may be another that sounds like it. */
    static final double UNSURE = 0.5;

    /**
     * The words (as {@link Normalizer#words} writes them) the speech engine was unsure of in this turn: confidence below
     * {@value #UNSURE}. Empty for typed transcripts and engines that give no word confidences.
     */
    public Set<String> unsureWords(int turn) {
        return unsure.computeIfAbsent(turn, t -> {
            Set<String> out = new HashSet<>();
            for (Word w : transcript.turns().get(t).words()) {
                if (w.confidence() != null && w.confidence() < UNSURE) {
                    out.add(Normalizer.words(w.text()).strip());
                }
            }
            return out;
        });
    }

    /** Written the way speech engines write (no punctuation), so its sentence ends were restored by {@link SentenceEnds}. */
    public boolean restored() {
        return restored;
    }

    public Transcript transcript() {
        return transcript;
    }

    public List<Turn> turns() {
        return transcript.turns();
    }

    public Turn turn(int index) {
        return transcript.turns().get(index);
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    public List<Sentence> sentencesOf(int turn) {
        return byTurn.get(turn);
    }

    /** The turn's position among its speaker's turns (0 = the speaker's first turn). */
    public int speakerOrdinal(int turn) {
        return speakerOrdinal[turn];
    }

    public int turnCount(Speaker speaker) {
        return speakerTurnCount[speaker.ordinal()];
    }

    /** End of the conversation in seconds. */
    public double end() {
        return end;
    }

    /** Lower-case BCP-47 tag, "" when unknown. */
    public String language() {
        return language;
    }

    public boolean isLanguage(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return language.equals(p) || language.startsWith(p + "-") || (language.isEmpty() && p.equals("en"));
    }

    public boolean spanish() {
        return isLanguage("es");
    }
}
