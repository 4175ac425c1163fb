package io.verbatim.enrichment;

import java.nio.file.Path;
import java.util.List;

/**
 * A playback copy of a recording with the PII spans silenced, as a 16-bit PCM WAV file.
 *
 * @param file            the WAV written
 * @param silenced        the time spans set to silence (merged, padded, sorted)
 * @param silencedSeconds their total length
 * @param wordTimed       how many spans came from word timings; the rest were estimated within their turn
 */
public record RedactedAudio(Path file, int sampleRate, int channels, long frames, List<Span> silenced,
                            double silencedSeconds, int wordTimed) {

    public RedactedAudio {
        silenced = List.copyOf(silenced);
    }

    public record Span(double start, double end) {
    }
}
