package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Transcript;

/** One transcript format: recognises its shape and reads it. Implementations are stateless. */
interface TranscriptFormat {

    /** The format's name, also the transcript's {@code source}. */
    String name();

    /** Whether the format is JSON (true) or text (false). */
    default boolean json() {
        return true;
    }

    /** Whether the content has this format's shape (used for auto-detection; cheap, never throws). */
    boolean detects(Content content);

    /** Reads the content; throws {@link TranscriptImportException} (invalid-transcript) when it is malformed. */
    Transcript read(Content content, ChannelRoles roles);
}
