package io.verbatim.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Decoded audio kept on disk, not in memory: interleaved signed 16-bit little-endian PCM at
 * {@link #sampleRate} (16 kHz for speech), one sample per channel per frame. An hour of stereo is
 * 230 MB, which is why engines read it a window at a time.
 *
 * @param pcmFile    the raw interleaved s16le file (owned by whoever decoded it; delete with {@link #delete()})
 * @param sampleRate frames per second
 * @param channels   1 (mono) or 2 (stereo; 0 = left)
 * @param frames     number of frames in the file
 */
public record DecodedAudio(Path pcmFile, int sampleRate, int channels, long frames) {

    public double durationSeconds() {
        return frames / (double) sampleRate;
    }

    /** Reads {@code count} frames of one channel from {@code fromFrame}, as 16-bit samples (fewer at the end). */
    public short[] readChannel(int channel, long fromFrame, int count) throws IOException {
        if (channel < 0 || channel >= channels) {
            throw new IllegalArgumentException("channel " + channel + " of " + channels);
        }
        long available = Math.max(0, frames - fromFrame);
        int n = (int) Math.min(count, available);
        short[] out = new short[n];
        if (n == 0) {
            return out;
        }
        int frameBytes = 2 * channels;
        ByteBuffer buf = ByteBuffer.allocate(n * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(pcmFile, StandardOpenOption.READ)) {
            long pos = fromFrame * frameBytes;
            while (buf.hasRemaining()) {
                int read = ch.read(buf, pos + buf.position());
                if (read < 0) {
                    break;
                }
            }
        }
        buf.flip();
        for (int i = 0; i < n && buf.remaining() >= frameBytes; i++) {
            out[i] = buf.getShort(i * frameBytes + channel * 2);
        }
        return out;
    }

    /** Reads all of one channel; only for short audio (tests, clips). */
    public short[] readChannel(int channel) throws IOException {
        if (frames > Integer.MAX_VALUE) {
            throw new IllegalStateException("audio too long to read whole");
        }
        return readChannel(channel, 0, (int) frames);
    }

    public void delete() throws IOException {
        Files.deleteIfExists(pcmFile);
    }
}
