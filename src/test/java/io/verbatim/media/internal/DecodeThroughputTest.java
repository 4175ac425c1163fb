package io.verbatim.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.media.DecodedAudio;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how many seconds of audio one thread decodes per wall-clock second, over the five
 * rendered stereo calls (WAV and Ogg Vorbis). A figure for the log, not a timed assertion.
 */
class DecodeThroughputTest {

    @TempDir
    Path work;

    @Test
    void printsThroughput() throws Exception {
        FfmpegMediaDecoder decoder = Decoders.unlimited(work);
        for (String kind : new String[] {".stereo.wav", ".ogg", ".8k_ulaw.wav"}) {
            decodeAll(decoder, kind); // warm-up: page cache, JIT, FFmpeg's tables
            long best = Long.MAX_VALUE;
            double audioSeconds = 0;
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                audioSeconds = decodeAll(decoder, kind);
                best = Math.min(best, System.nanoTime() - start);
            }
            double wall = best / 1e9;
            System.out.printf(Locale.ROOT, "media throughput %-12s %.1f s of audio in %.3f s = %.0fx real time%n",
                    kind, audioSeconds, wall, audioSeconds / wall);
            assertThat(audioSeconds).isGreaterThan(600);
        }
    }

    private static double decodeAll(FfmpegMediaDecoder decoder, String kind) throws Exception {
        double seconds = 0;
        for (String call : TestData.RENDERED_CALLS) {
            DecodedAudio audio = decoder.decode(TestData.call(call + kind));
            seconds += audio.durationSeconds();
            audio.delete();
        }
        return seconds;
    }
}
