package io.verbatim.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.verbatim.media.DecodedAudio;
import io.verbatim.speech.TestAudio;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyVadTest {

    private final EnergyVad vad = new EnergyVad();

    /** A 200 Hz tone at about -10 dBFS between {@code from} and {@code to} seconds, silence elsewhere. */
    private static short[] tone(short[] pcm, int rate, double from, double to) {
        for (int i = (int) (from * rate); i < (int) (to * rate) && i < pcm.length; i++) {
            pcm[i] = (short) (10000 * Math.sin(2 * Math.PI * 200 * i / rate));
        }
        return pcm;
    }

    @Test
    void silenceHasNoSegments() {
        assertThat(vad.detect(TestAudio.silence(5, 1), 0)).isEmpty();
        assertThat(vad.segmentAll(TestAudio.silence(5, 2)).all()).isEmpty();
    }

    @Test
    void burstsBecomePaddedSegmentsAndShortPausesStayInside() {
        short[] pcm = new short[16000 * 10];
        tone(pcm, 16000, 1.0, 2.0);
        tone(pcm, 16000, 2.2, 3.0);   // 0.2 s pause: same segment
        tone(pcm, 16000, 5.0, 6.5);   // 2 s pause: new segment
        tone(pcm, 16000, 8.0, 8.05);  // 50 ms click: dropped
        List<SpeechSegment> segments = vad.detect(TestAudio.fromSamples(pcm, 16000, 1), 0);
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).start()).isCloseTo(0.85, within(0.02));
        assertThat(segments.get(0).end()).isCloseTo(3.15, within(0.02));
        assertThat(segments.get(1).start()).isCloseTo(4.85, within(0.02));
        assertThat(segments.get(1).end()).isCloseTo(6.65, within(0.02));
    }

    @Test
    void longSpeechIsCutIntoSegmentsOfAtMostThirtySeconds() {
        short[] pcm = tone(new short[16000 * 70], 16000, 0, 70);
        List<SpeechSegment> segments = vad.detect(TestAudio.fromSamples(pcm, 16000, 1), 0);
        assertThat(segments.size()).isGreaterThanOrEqualTo(3);
        assertThat(segments).allSatisfy(s -> assertThat(s.end() - s.start()).isLessThanOrEqualTo(30.0));
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).startFrame()).isEqualTo(segments.get(i - 1).endFrame()); // nothing lost
        }
    }

    @Test
    void stereoChannelsAreSegmentedSeparately() {
        short[] left = tone(new short[16000 * 6], 16000, 0.5, 2);
        short[] right = tone(new short[16000 * 6], 16000, 3, 5);
        short[] stereo = new short[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            stereo[2 * i] = left[i];
            stereo[2 * i + 1] = right[i];
        }
        EnergyVad.Segmentation s = vad.segmentAll(TestAudio.fromSamples(stereo, 16000, 2));
        assertThat(s.mono()).isFalse();
        assertThat(s.byChannel()).hasSize(2);
        assertThat(s.byChannel().get(0)).singleElement().satisfies(seg -> assertThat(seg.channel()).isZero());
        assertThat(s.byChannel().get(1)).singleElement().satisfies(seg -> {
            assertThat(seg.channel()).isEqualTo(1);
            assertThat(seg.start()).isCloseTo(2.85, within(0.02));
        });
    }

    @Test
    void stereoWithTheSameSignalOnBothChannelsIsMono() {
        short[] mono = tone(new short[16000 * 4], 16000, 1, 3);
        short[] stereo = new short[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        EnergyVad.Segmentation s = vad.segmentAll(TestAudio.fromSamples(stereo, 16000, 2));
        assertThat(s.mono()).isTrue();
        assertThat(s.byChannel()).hasSize(1);
        assertThat(s.all()).hasSize(1);
    }

    @Test
    void realCallTurnsAreFound() {
        // va_008 left channel = the agent: 6 turns, pauses between them are the customer's turns
        DecodedAudio call = TestAudio.wav("calls/va_008.stereo.wav");
        List<SpeechSegment> agent = vad.detect(call, 0);
        assertThat(agent.getFirst().start()).isCloseTo(0.77 - 0.15, within(0.05)); // rendered.json: first turn 0.77-8.273
        assertThat(agent.getFirst().end()).isGreaterThan(8.2);
        assertThat(agent.size()).isBetween(6, 12);
    }

    @Test
    void eightKilohertzAudioIsReadAtSixteen() {
        short[] pcm = tone(new short[8000 * 2], 8000, 0.5, 1.5);
        DecodedAudio audio = TestAudio.fromSamples(pcm, 8000, 1);
        SpeechSegment s = vad.detect(audio, 0).getFirst();
        assertThat(s.start()).isCloseTo(0.35, within(0.02));
        assertThat(Pcm16k.read(audio, s)).hasSize(s.frames() * 2);
    }
}
