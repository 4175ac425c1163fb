package io.verbatim.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Short WAV clips cut from the real test recordings, so pipeline tests stay fast. */
public final class TestAudio {

    private TestAudio() {
    }

    public static byte[] clip(Path wav, double fromSeconds, double seconds) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            var format = in.getFormat();
            long skipBytes = (long) (fromSeconds * format.getFrameRate()) * format.getFrameSize();
            in.skipNBytes(skipBytes);
            long frames = (long) (seconds * format.getFrameRate());
            byte[] pcm = in.readNBytes((int) (frames * format.getFrameSize()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / format.getFrameSize()),
                    AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
