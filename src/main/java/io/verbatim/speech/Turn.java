package io.verbatim.speech;

import java.util.List;

/**
 * One speaker's uninterrupted stretch of speech.
 *
 * @param speaker      the role (agent / customer / unknown)
 * @param speakerLabel the engine's or source's own label ("spk_0", "ch_1", "Agent"), kept for audit
 * @param channel      the audio channel it came from (0 = left), or null for mono / imported text
 * @param start        seconds from the start of the conversation
 * @param end          seconds from the start of the conversation
 * @param words        word timings when the engine or format gives them; empty otherwise
 * @param confidence   mean recognition confidence 0..1, null when unknown
 */
public record Turn(Speaker speaker, String speakerLabel, Integer channel, double start, double end, String text,
                   List<Word> words, Double confidence) {

    public Turn {
        words = words == null ? List.of() : List.copyOf(words);
        text = text == null ? "" : text;
    }

    public Turn withSpeaker(Speaker newSpeaker) {
        return new Turn(newSpeaker, speakerLabel, channel, start, end, text, words, confidence);
    }
}
