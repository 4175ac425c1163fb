package io.verbatim.speech;

import io.verbatim.media.DecodedAudio;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Test-only audio loading, so speech tests do not wait for the media module's FFmpeg decoder:
 * WAV files (16-bit PCM, or G.711 mu-law converted by javax.sound) become {@link DecodedAudio}.
 */
public final class TestAudio {

    private TestAudio() {
    }

    /** The shared test data: {@code $VERBATIM_TESTDATA}, else {@code ../shared/testdata} from the repository root. */
    public static Path testdata() {
        String env = System.getenv("VERBATIM_TESTDATA");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "testdata");
        return dir.toAbsolutePath().normalize();
    }

    public static DecodedAudio wav(String relative) {
        return wav(testdata().resolve(relative), Double.MAX_VALUE);
    }

    /** The first {@code maxSeconds} of a WAV file. */
    public static DecodedAudio wav(Path file, double maxSeconds) {
        try (AudioInputStream in = pcm16(AudioSystem.getAudioInputStream(new BufferedInputStream(Files.newInputStream(file))))) {
            AudioFormat f = in.getFormat();
            long maxFrames = (long) Math.min(Long.MAX_VALUE / 4, maxSeconds * f.getSampleRate());
            Path pcm = Files.createTempFile("speech-test-", ".s16le");
            pcm.toFile().deleteOnExit();
            long frames = copy(in, pcm, f.getFrameSize(), maxFrames);
            return new DecodedAudio(pcm, (int) f.getSampleRate(), f.getChannels(), frames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Digital silence. */
    public static DecodedAudio silence(double seconds, int channels) {
        return fromSamples(new short[(int) (seconds * 16000) * channels], 16000, channels);
    }

    /** Interleaved samples written to a temporary PCM file. */
    public static DecodedAudio fromSamples(short[] interleaved, int sampleRate, int channels) {
        try {
            Path pcm = Files.createTempFile("speech-test-", ".s16le");
            pcm.toFile().deleteOnExit();
            ByteBuffer buf = ByteBuffer.allocate(interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (short s : interleaved) {
                buf.putShort(s);
            }
            Files.write(pcm, buf.array());
            return new DecodedAudio(pcm, sampleRate, channels, interleaved.length / channels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Interleaves two mono clips into stereo (shorter one padded with silence). */
    public static DecodedAudio stereo(DecodedAudio left, DecodedAudio right) throws IOException {
        short[] l = left.readChannel(0);
        short[] r = right.readChannel(0);
        int n = Math.max(l.length, r.length);
        short[] out = new short[n * 2];
        for (int i = 0; i < n; i++) {
            out[2 * i] = i < l.length ? l[i] : 0;
            out[2 * i + 1] = i < r.length ? r[i] : 0;
        }
        return fromSamples(out, left.sampleRate(), 2);
    }

    private static AudioInputStream pcm16(AudioInputStream in) {
        AudioFormat f = in.getFormat();
        if (f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && f.getSampleSizeInBits() == 16 && !f.isBigEndian()) {
            return in;
        }
        AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, f.getChannels(),
                2 * f.getChannels(), f.getSampleRate(), false);
        return AudioSystem.getAudioInputStream(target, in);
    }

    private static long copy(InputStream in, Path target, int frameSize, long maxFrames) throws IOException {
        long frames = 0;
        byte[] buf = new byte[frameSize * 4096];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while (frames < maxFrames && (n = in.readNBytes(buf, 0, buf.length)) > 0) {
                int whole = (int) Math.min(n / frameSize, maxFrames - frames);
                out.write(buf, 0, whole * frameSize);
                frames += whole;
                if (n < buf.length) {
                    break;
                }
            }
        }
        return frames;
    }
}
