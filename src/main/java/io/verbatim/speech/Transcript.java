package io.verbatim.speech;

import java.util.List;

/**
 * A conversation's words by speaker and time: what a speech engine produces and what a transcript
 * importer reads. Turns are sorted by start.
 *
 * @param language        BCP-47 tag when known ("en-US", "es-419"), else null
 * @param source          the engine or format that produced it ("pocketsphinx", "whisper.cpp", "aws-transcribe", ...)
 * @param durationSeconds audio duration when known, else the end of the last turn
 * @param rolesConfident  false when speaker roles were guessed (mono audio, unlabelled diarization)
 */
public record Transcript(String language, String source, double durationSeconds, List<Turn> turns, boolean rolesConfident) {

    public Transcript {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /** The same transcript with agent and customer exchanged (a fix for a wrong channel mapping). */
    public Transcript swapSpeakers() {
        return new Transcript(language, source, durationSeconds,
                turns.stream().map(t -> t.withSpeaker(t.speaker().other())).toList(), rolesConfident);
    }

    public String fullText() {
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(t.speaker().wire()).append(": ").append(t.text());
        }
        return sb.toString();
    }
}
