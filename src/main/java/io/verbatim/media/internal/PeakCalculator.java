package io.verbatim.media.internal;

import io.verbatim.media.DecodedAudio;
import io.verbatim.media.WaveformPeaks;
import io.verbatim.media.Waveforms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Min/max per bucket and channel, streaming the PCM file once in 1 MB reads (an hour of stereo is 230 MB). */
final class PeakCalculator implements Waveforms {

    private static final int READ_BYTES = 1 << 20;
    private static final int MAX_VALUES = 50_000_000;

    @Override
    public WaveformPeaks peaks(DecodedAudio audio, int buckets, int bits) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be positive: " + buckets);
        }
        long samplesPerPixel = Math.max(1, ceilDiv(audio.frames(), buckets));
        return compute(audio, samplesPerPixel, bits);
    }

    @Override
    public WaveformPeaks peaksPerSecond(DecodedAudio audio, int pixelsPerSecond, int bits) {
        if (pixelsPerSecond < 1 || pixelsPerSecond > audio.sampleRate()) {
            throw new IllegalArgumentException("pixels per second must be 1.." + audio.sampleRate() + ": " + pixelsPerSecond);
        }
        return compute(audio, Math.max(1, audio.sampleRate() / pixelsPerSecond), bits);
    }

    private WaveformPeaks compute(DecodedAudio audio, long samplesPerPixel, int bits) {
        if (bits != 8 && bits != 16) {
            throw new IllegalArgumentException("bits must be 8 or 16: " + bits);
        }
        if (samplesPerPixel > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too few buckets for " + audio.frames() + " frames");
        }
        int channels = audio.channels();
        long length = ceilDiv(audio.frames(), samplesPerPixel);
        if (length * channels * 2 > MAX_VALUES) {
            throw new IllegalArgumentException("waveform of " + length + " buckets is too large; use fewer");
        }
        short[] data = new short[(int) (length * channels * 2)];
        for (int i = 0; i < data.length; i += 2) {
            data[i] = Short.MAX_VALUE;
            data[i + 1] = Short.MIN_VALUE;
        }
        try (FileChannel in = FileChannel.open(audio.pcmFile(), StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocateDirect(READ_BYTES - READ_BYTES % (2 * channels)).order(ByteOrder.LITTLE_ENDIAN);
            long frame = 0;
            int inBucket = 0;
            int base = 0;
            while (frame < audio.frames() && in.read(bytes) > 0) {
                bytes.flip();
                ShortBuffer samples = bytes.asShortBuffer();
                while (samples.remaining() >= channels && frame < audio.frames()) {
                    for (int c = 0; c < channels; c++) {
                        short v = samples.get();
                        int at = base + c * 2;
                        if (v < data[at]) {
                            data[at] = v;
                        }
                        if (v > data[at + 1]) {
                            data[at + 1] = v;
                        }
                    }
                    frame++;
                    if (++inBucket == samplesPerPixel) {
                        inBucket = 0;
                        base += channels * 2;
                    }
                }
                bytes.position(bytes.position() + (bytes.remaining() - samples.remaining() * 2));
                bytes.compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + audio.pcmFile(), e);
        }
        for (int i = 0; i < data.length; i += 2) {
            if (data[i] > data[i + 1]) { // a bucket past the end of a short file: flat line
                data[i] = 0;
                data[i + 1] = 0;
            }
        }
        if (bits == 8) {
            for (int i = 0; i < data.length; i++) {
                data[i] = (short) (data[i] >> 8); // arithmetic shift: -32768..32767 to -128..127
            }
        }
        return new WaveformPeaks(2, channels, audio.sampleRate(), (int) samplesPerPixel, bits, (int) length, data);
    }

    private static long ceilDiv(long a, long b) {
        return a == 0 ? 0 : (a + b - 1) / b;
    }
}
