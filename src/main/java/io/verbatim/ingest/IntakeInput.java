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

    /**
     * A transcript made elsewhere plus the call's recordings (a voice agent's mono and stereo mix): the
     * transcript is the conversation's input, the recordings are kept beside it as
     * {@code input/<tenant>/audio/<conversation>.<name>.<ext>} and listed in the attribute {@code recordings}.
     *
     * @param recordings by name ({@code mono}, {@code stereo}), in the order given
     */
    record TranscriptWithRecordings(TranscriptFile transcript, java.util.Map<String, Media> recordings) implements IntakeInput {
        @Override
        public String filename() {
            return transcript.filename();
        }
    }
}
