package io.verbatim.enrichment.redaction;

import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.RedactedTurn;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.speech.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replaces PII mentions in text with their type tags ({@code [PHONE]}); the words of a mention become the tag too. */
public final class Redactor {

    private Redactor() {
    }

    public static List<RedactedTurn> turns(Transcript transcript, List<PiiEntity> pii) {
        List<RedactedTurn> out = new ArrayList<>();
        for (int i = 0; i < transcript.turns().size(); i++) {
            out.add(new RedactedTurn(i, text(transcript.turns().get(i).text(), mentions(pii, i))));
        }
        return out;
    }

    /** The transcript with every mention replaced, in the text and in the word timings. */
    public static Transcript transcript(Transcript transcript, List<PiiEntity> pii) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < transcript.turns().size(); i++) {
            Turn t = transcript.turns().get(i);
            List<PiiEntity> here = mentions(pii, i);
            List<Word> words = new ArrayList<>();
            for (Word w : t.words()) {
                PiiEntity hit = here.stream().filter(p -> w.start() < p.end() && p.start() < w.end() && "words".equals(p.timing()))
                        .findFirst().orElse(null);
                words.add(hit == null ? w : new Word(hit.type().tag(), w.start(), w.end(), w.confidence()));
            }
            turns.add(new Turn(t.speaker(), t.speakerLabel(), t.channel(), t.start(), t.end(), text(t.text(), here), words, t.confidence()));
        }
        return new Transcript(transcript.language(), transcript.source(), transcript.durationSeconds(), turns, transcript.rolesConfident());
    }

    static String text(String text, List<PiiEntity> mentions) {
        StringBuilder sb = new StringBuilder(text);
        List<PiiEntity> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingInt(PiiEntity::startChar).reversed());
        int limit = text.length();
        for (PiiEntity p : sorted) {
            if (p.endChar() <= limit && p.startChar() >= 0) {
                sb.replace(p.startChar(), p.endChar(), p.type().tag());
                limit = p.startChar();
            }
        }
        return sb.toString();
    }

    private static List<PiiEntity> mentions(List<PiiEntity> pii, int turn) {
        return pii.stream().filter(p -> p.turn() == turn).toList();
    }
}
