package io.verbatim.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.media.DecodedAudio;
import io.verbatim.media.WaveformPeaks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class PeakCalculatorTest {

    @TempDir
    Path dir;

    private final PeakCalculator waveforms = new PeakCalculator();

    @Test
    void minAndMaxPerBucketAndChannel() throws IOException {
        // 10 stereo frames; left ramps 0..9000, right is minus left
        short[] interleaved = new short[20];
        for (int i = 0; i < 10; i++) {
            interleaved[2 * i] = (short) (i * 1000);
            interleaved[2 * i + 1] = (short) (-i * 1000);
        }
        DecodedAudio audio = pcm(interleaved, 2);

        WaveformPeaks peaks = waveforms.peaks(audio, 4, 16);

        assertThat(peaks.samplesPerPixel()).isEqualTo(3); // ceil(10 / 4)
        assertThat(peaks.length()).isEqualTo(4); // frames 0-2, 3-5, 6-8, 9
        assertThat(peaks.min(0, 0)).isEqualTo((short) 0);
        assertThat(peaks.max(0, 0)).isEqualTo((short) 2000);
        assertThat(peaks.min(1, 0)).isEqualTo((short) -2000);
        assertThat(peaks.max(1, 0)).isEqualTo((short) 0);
        assertThat(peaks.min(0, 3)).isEqualTo((short) 9000);
        assertThat(peaks.max(0, 3)).isEqualTo((short) 9000);
        assertThat(peaks.data()).containsExactly(0, 2000, -2000, 0, 3000, 5000, -5000, -3000, 6000, 8000, -8000, -6000,
                9000, 9000, -9000, -9000);
    }

    @Test
    void eightBitPeaksAreScaledDown() throws IOException {
        DecodedAudio audio = pcm(new short[] {Short.MIN_VALUE, Short.MAX_VALUE, 256, -256}, 1);

        WaveformPeaks peaks = waveforms.peaks(audio, 2, 8);

        assertThat(peaks.data()).containsExactly(-128, 127, -1, 1);
    }

    @Test
    void aRealCallInOnePass() {
        DecodedAudio audio = Decoders.unlimited(dir).decode(TestData.call("ms_002.stereo.wav"));

        WaveformPeaks peaks = waveforms.peaks(audio);
        assertThat(peaks.length()).isBetween(990, 1000);
        assertThat(peaks.channels()).isEqualTo(2);
        assertThat(peaks.data()).hasSize(peaks.length() * 4);
        // speech reaches a good part of full scale somewhere on both channels
        short loudest = 0;
        for (int b = 0; b < peaks.length(); b++) {
            loudest = (short) Math.max(loudest, Math.max(peaks.max(0, b), peaks.max(1, b)));
        }
        assertThat(loudest).isGreaterThan((short) 20);

        WaveformPeaks zoomed = waveforms.peaksPerSecond(audio, 50, 8);
        assertThat(zoomed.samplesPerPixel()).isEqualTo(320);
        assertThat(zoomed.length()).isEqualTo((int) Math.ceil(audio.frames() / 320.0));
    }

    @Test
    void serialisesInTheAudiowaveformShape() throws IOException {
        DecodedAudio audio = pcm(new short[] {100, -100, 200, -300}, 2);
        JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

        JsonNode node = json.readTree(json.writeValueAsString(waveforms.peaks(audio, 1, 16)));

        assertThat(node.get("version").asInt()).isEqualTo(2);
        assertThat(node.get("channels").asInt()).isEqualTo(2);
        assertThat(node.get("sample_rate").asInt()).isEqualTo(16_000);
        assertThat(node.get("samples_per_pixel").asInt()).isEqualTo(2);
        assertThat(node.get("bits").asInt()).isEqualTo(16);
        assertThat(node.get("length").asInt()).isEqualTo(1);
        assertThat(node.get("data").toString()).isEqualTo("[100,200,-300,-100]");
    }

    @Test
    void emptyAudioHasNoBuckets() throws IOException {
        WaveformPeaks peaks = waveforms.peaks(pcm(new short[0], 1), 1000, 8);
        assertThat(peaks.length()).isZero();
        assertThat(peaks.data()).isEmpty();
    }

    @Test
    void rejectsNonsense() throws IOException {
        DecodedAudio audio = pcm(new short[] {1, 2}, 1);
        assertThatThrownBy(() -> waveforms.peaks(audio, 0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> waveforms.peaks(audio, 10, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> waveforms.peaksPerSecond(audio, 0, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    private DecodedAudio pcm(short[] interleaved, int channels) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(interleaved.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(interleaved);
        Path file = Files.write(Files.createTempFile(dir, "pcm", ".pcm"), bytes.array());
        return new DecodedAudio(file, 16_000, channels, interleaved.length / channels);
    }
}
