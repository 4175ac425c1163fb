package io.verbatim.speech.internal;

import io.verbatim.media.DecodedAudio;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a segment of one channel as 16 kHz samples, what the acoustic models here were trained on.
 * Media decodes to 16 kHz already; other rates (8 kHz telephone audio handed in directly) are
 * resampled linearly, which is enough for speech models that ignore content above 8 kHz anyway.
 */
public final class Pcm16k {

    public static final int RATE = 16_000;

    private Pcm16k() {
    }

    public static short[] read(DecodedAudio audio, SpeechSegment segment) {
        try {
            short[] pcm = audio.readChannel(segment.channel(), segment.startFrame(), segment.frames());
            return audio.sampleRate() == RATE ? pcm : resample(pcm, audio.sampleRate(), RATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Linear-interpolation resampling. */
    public static short[] resample(short[] in, int fromRate, int toRate) {
        if (fromRate == toRate || in.length == 0) {
            return in;
        }
        int n = (int) ((long) in.length * toRate / fromRate);
        short[] out = new short[n];
        double step = fromRate / (double) toRate;
        for (int i = 0; i < n; i++) {
            double pos = i * step;
            int j = (int) pos;
            double frac = pos - j;
            int a = in[Math.min(j, in.length - 1)];
            int b = in[Math.min(j + 1, in.length - 1)];
            out[i] = (short) Math.round(a + (b - a) * frac);
        }
        return out;
    }

    /** Samples scaled to [-1, 1), as whisper.cpp wants them. */
    public static float[] toFloat(short[] pcm) {
        float[] out = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = pcm[i] / 32768f;
        }
        return out;
    }
}
