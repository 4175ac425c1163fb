package io.verbatim.speech;

/**
 * Whether an engine can transcribe here.
 *
 * @param available true when a transcription can start now
 * @param reason    why not (what is missing and which setting provides it), or a note when available
 */
public record EngineAvailability(boolean available, String reason) {

    public static EngineAvailability ready(String note) {
        return new EngineAvailability(true, note);
    }

    public static EngineAvailability unavailable(String reason) {
        return new EngineAvailability(false, reason);
    }
}
