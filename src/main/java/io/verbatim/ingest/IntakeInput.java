package io.verbatim.ingest;

import java.nio.file.Path;

/** What arrived: a recording to transcribe, or a transcript made elsewhere. */
public sealed interface IntakeInput {

    String filename();

    /** A local file holding the audio or video (the intake copies it into storage). */
    record Media(Path file, String filename, String contentType) implements IntakeInput {
    }

    /** A transcript in any supported format; {@code format} null means detect it. */
    record TranscriptFile(byte[] content, String filename, String format) implements IntakeInput {
    }
}
