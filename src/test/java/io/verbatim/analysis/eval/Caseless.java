package io.verbatim.analysis.eval;

import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.util.Locale;

/**
 * A typed transcript written the way a speech engine writes it: lower case, no punctuation but apostrophes, digits
 * left as they are. It separates what the analyst loses to missing case and punctuation from what it loses to
 * misrecognised words, so judgments can be made to hold on recognised speech without recordings to tune on.
 */
final class Caseless {

    private Caseless() {
    }

    static Transcript of(Transcript t) {
        return new Transcript(t.language(), t.source(), t.durationSeconds(), t.turns().stream().map(Caseless::of).toList(),
                t.rolesConfident());
    }

    static Turn of(Turn turn) {
        return new Turn(turn.speaker(), turn.speakerLabel(), turn.channel(), turn.start(), turn.end(), text(turn.text()),
                turn.words(), turn.confidence());
    }

    static String text(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        // keep apostrophes inside words ("it's") and the characters of numbers, e-mail addresses and amounts
        String plain = lower.replaceAll("[^\\p{L}\\p{N}'@$%.\\s-]", " ").replaceAll("(?<![\\p{N}])\\.|\\.(?![\\p{N}])", " ")
                .replaceAll("(?<![\\p{L}\\p{N}])-|-(?![\\p{L}\\p{N}])", " ").replace("-", " ");
        return plain.replaceAll("\\s+", " ").strip();
    }
}
