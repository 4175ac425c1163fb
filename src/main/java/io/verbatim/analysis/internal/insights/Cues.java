package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.List;
import java.util.regex.Pattern;

/** Finds the first or last sentence of a speaker with one of the phrases or matching a pattern. */
final class Cues {

    private Cues() {
    }

    static Sentence first(ConversationText text, Speaker speaker, List<String> phrases) {
        for (Sentence s : text.sentences()) {
            if ((speaker == null || s.speaker() == speaker) && s.hasAny(phrases)) {
                return s;
            }
        }
        return null;
    }

    static Sentence last(ConversationText text, Speaker speaker, List<String> phrases) {
        List<Sentence> all = text.sentences();
        for (int i = all.size() - 1; i >= 0; i--) {
            Sentence s = all.get(i);
            if ((speaker == null || s.speaker() == speaker) && s.hasAny(phrases)) {
                return s;
            }
        }
        return null;
    }

    static Sentence first(ConversationText text, Speaker speaker, Pattern pattern) {
        for (Sentence s : text.sentences()) {
            if ((speaker == null || s.speaker() == speaker) && pattern.matcher(s.folded()).find()) {
                return s;
            }
        }
        return null;
    }

    static Sentence last(ConversationText text, Speaker speaker, Pattern pattern) {
        List<Sentence> all = text.sentences();
        for (int i = all.size() - 1; i >= 0; i--) {
            Sentence s = all.get(i);
            if ((speaker == null || s.speaker() == speaker) && pattern.matcher(s.folded()).find()) {
                return s;
            }
        }
        return null;
    }
}
