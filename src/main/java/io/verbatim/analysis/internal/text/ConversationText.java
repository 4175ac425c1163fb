package io.verbatim.analysis.internal.text;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A transcript prepared for rules: its sentences, folded once, with turn positions per speaker. */
public final class ConversationText {

    private final Transcript transcript;
    private final List<Sentence> sentences;
    private final List<List<Sentence>> byTurn;
    private final int[] speakerOrdinal;
    private final int[] speakerTurnCount;
    private final double end;
    private final String language;

    public ConversationText(Transcript transcript) {
        this.transcript = transcript;
        List<Turn> turns = transcript.turns();
        List<Sentence> all = new ArrayList<>();
        List<List<Sentence>> perTurn = new ArrayList<>(turns.size());
        speakerOrdinal = new int[turns.size()];
        speakerTurnCount = new int[Speaker.values().length];
        double last = 0;
        for (int t = 0; t < turns.size(); t++) {
            Turn turn = turns.get(t);
            speakerOrdinal[t] = speakerTurnCount[turn.speaker().ordinal()]++;
            last = Math.max(last, turn.end());
            List<Sentence> own = new ArrayList<>();
            String text = turn.text();
            int ordinal = 0;
            for (int[] span : SentenceSplitter.split(text)) {
                String s = text.substring(span[0], span[1]);
                if (Normalizer.words(s).isBlank()) {
                    continue;
                }
                Sentence sentence = new Sentence(all.size(), t, ordinal++, turn.speaker(), startOf(turn, span[0]), s,
                        Normalizer.fold(s), Normalizer.words(s));
                all.add(sentence);
                own.add(sentence);
            }
            perTurn.add(Collections.unmodifiableList(own));
        }
        this.sentences = Collections.unmodifiableList(all);
        this.byTurn = Collections.unmodifiableList(perTurn);
        this.end = Math.max(last, transcript.durationSeconds());
        this.language = transcript.language() == null ? "" : transcript.language().toLowerCase(Locale.ROOT);
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
