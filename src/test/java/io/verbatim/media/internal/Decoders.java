package io.verbatim.media.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Test helpers: a real decoder with given limits, and signal comparisons. */
final class Decoders {

    static final Path NATIVE_CACHE = Path.of("target", "javacpp-cache");

    private Decoders() {
    }

    static FfmpegMediaDecoder unlimited(Path workDir) {
        return limited(workDir, Long.MAX_VALUE, Duration.ofDays(1));
    }

    static FfmpegMediaDecoder limited(Path workDir, long maxBytes, Duration maxDuration) {
        return new FfmpegMediaDecoder(maxBytes, maxDuration, workDir, NATIVE_CACHE, "quiet");
    }

    /** One channel of a 16-bit PCM WAV, read with javax.sound (independent of FFmpeg). */
    static short[] wavChannel(Path wav, int channel) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            int channels = in.getFormat().getChannels();
            byte[] bytes = in.readAllBytes();
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            short[] out = new short[bytes.length / 2 / channels];
            for (int i = 0; i < out.length; i++) {
                out[i] = buf.getShort((i * channels + channel) * 2);
            }
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }

    /** RMS per window of {@code window} samples: the loudness contour, which survives lossy codecs. */
    static double[] envelope(short[] samples, int window) {
        double[] out = new double[samples.length / window];
        for (int w = 0; w < out.length; w++) {
            double sum = 0;
            for (int i = w * window; i < (w + 1) * window; i++) {
                sum += (double) samples[i] * samples[i];
            }
            out[w] = Math.sqrt(sum / window);
        }
        return out;
    }

    /**
     * Pearson correlation of the loudness contours (100 ms windows at 16 kHz) over their common
     * length, at the best alignment within 100 ms: lossy codecs may shift audio by their delay.
     */
    static double envelopeCorrelation(short[] a, short[] b) {
        double best = -1;
        for (int lag = -1600; lag <= 1600; lag += 80) {
            best = Math.max(best, correlation(envelope(shift(a, lag), 1600), envelope(b, 1600)));
        }
        return best;
    }

    private static short[] shift(short[] samples, int lag) {
        if (lag <= 0) {
            return Arrays.copyOfRange(samples, -lag, samples.length);
        }
        short[] out = new short[samples.length + lag];
        System.arraycopy(samples, 0, out, lag, samples.length);
        return out;
    }

    private static double correlation(double[] x, double[] y) {
        int n = Math.min(x.length, y.length);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
