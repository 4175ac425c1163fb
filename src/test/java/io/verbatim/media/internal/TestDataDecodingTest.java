package io.verbatim.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.verbatim.media.DecodedAudio;
import io.verbatim.media.MediaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recording in the shared test data decodes to 16 kHz with its length and channels intact. */
class TestDataDecodingTest {

    @TempDir
    Path work;

    static Stream<String> calls() {
        return Stream.of(TestData.RENDERED_CALLS);
    }

    @ParameterizedTest
    @MethodSource("calls")
    void stereoWavIsKeptStereoAndBitExact(String call) throws IOException {
        Path wav = TestData.call(call + ".stereo.wav");
        DecodedAudio audio = Decoders.unlimited(work).decode(wav);

        assertThat(audio.sampleRate()).isEqualTo(16_000);
        assertThat(audio.channels()).isEqualTo(2);
        short[] left = Decoders.wavChannel(wav, 0);
        short[] right = Decoders.wavChannel(wav, 1);
        assertThat(audio.frames()).isEqualTo(left.length);
        // 16 kHz s16 in, 16 kHz s16 out: swresample passes samples through untouched
        assertThat(audio.readChannel(0)).isEqualTo(left);
        assertThat(audio.readChannel(1)).isEqualTo(right);
    }

    @ParameterizedTest
    @MethodSource("calls")
    void monoWavStaysMono(String call) throws IOException {
        Path wav = TestData.call(call + ".mono.wav");
        DecodedAudio audio = Decoders.unlimited(work).decode(wav);

        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.readChannel(0)).isEqualTo(Decoders.wavChannel(wav, 0));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void telephoneMuLawIsUpsampledTo16k(String call) throws IOException {
        FfmpegMediaDecoder decoder = Decoders.unlimited(work);
        MediaInfo info = decoder.probe(TestData.call(call + ".8k_ulaw.wav"));
        assertThat(info.codec()).isEqualTo("pcm_mulaw");
        assertThat(info.sampleRate()).isEqualTo(8_000);

        DecodedAudio audio = decoder.decode(TestData.call(call + ".8k_ulaw.wav"));
        short[] reference = Decoders.wavChannel(TestData.call(call + ".mono.wav"), 0);

        assertThat(audio.sampleRate()).isEqualTo(16_000);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.durationSeconds()).isCloseTo(reference.length / 16_000.0, within(0.01));
        assertThat(Decoders.envelopeCorrelation(audio.readChannel(0), reference)).isGreaterThan(0.95);
    }

    @ParameterizedTest
    @MethodSource("calls")
    void oggVorbisKeepsBothChannels(String call) throws IOException {
        Path wav = TestData.call(call + ".stereo.wav");
        DecodedAudio audio = Decoders.unlimited(work).decode(TestData.call(call + ".ogg"));

        assertThat(audio.channels()).isEqualTo(2);
        short[] left = Decoders.wavChannel(wav, 0);
        assertThat(audio.durationSeconds()).isCloseTo(left.length / 16_000.0, within(0.05));
        // left is the agent, right the customer: a swap would decorrelate the loudness contours
        assertThat(Decoders.envelopeCorrelation(audio.readChannel(0), left)).isGreaterThan(0.95);
        assertThat(Decoders.envelopeCorrelation(audio.readChannel(1), Decoders.wavChannel(wav, 1))).isGreaterThan(0.95);
    }

    @ParameterizedTest
    @MethodSource("calls")
    void probeReadsHeadersWithoutDecoding(String call) throws IOException {
        FfmpegMediaDecoder decoder = Decoders.unlimited(work);
        Path wav = TestData.call(call + ".stereo.wav");
        double seconds = Decoders.wavChannel(wav, 0).length / 16_000.0;

        MediaInfo stereo = decoder.probe(wav);
        assertThat(stereo.container()).isEqualTo("wav");
        assertThat(stereo.codec()).isEqualTo("pcm_s16le");
        assertThat(stereo.channels()).isEqualTo(2);
        assertThat(stereo.sampleRate()).isEqualTo(16_000);
        assertThat(stereo.hasVideo()).isFalse();
        assertThat(stereo.sizeBytes()).isEqualTo(Files.size(wav));
        assertThat(stereo.duration().toMillis() / 1000.0).isCloseTo(seconds, within(0.01));

        MediaInfo ogg = decoder.probe(TestData.call(call + ".ogg"));
        assertThat(ogg.container()).isEqualTo("ogg");
        assertThat(ogg.codec()).isEqualTo("vorbis");
        assertThat(ogg.channels()).isEqualTo(2);
        assertThat(ogg.duration().toMillis() / 1000.0).isCloseTo(seconds, within(0.05));
        assertThat(Files.list(work)).isEmpty(); // probing writes nothing
    }

    @Test
    void speechRecordingsDecode() throws IOException {
        FfmpegMediaDecoder decoder = Decoders.unlimited(work);
        try (Stream<Path> files = Files.list(TestData.root().resolve("speech").resolve("librivox"))) {
            Stream.concat(Stream.of(TestData.speech("jfk.wav")), files.filter(p -> p.toString().endsWith(".wav")))
                    .forEach(wav -> {
                        try {
                            DecodedAudio audio = decoder.decode(wav);
                            assertThat(audio.channels()).isEqualTo(1);
                            assertThat(audio.readChannel(0)).isEqualTo(Decoders.wavChannel(wav, 0));
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                    });
        }
        assertThat(decoder.decode(TestData.speech("jfk.wav")).durationSeconds()).isCloseTo(11.0, within(0.001));
    }

    @Test
    void decodesFromAStreamWithoutAPath() throws IOException {
        FfmpegMediaDecoder decoder = Decoders.unlimited(work);
        Path ogg = TestData.call("va_008.ogg");
        DecodedAudio fromFile = decoder.decode(ogg);
        DecodedAudio fromStream;
        try (InputStream in = Files.newInputStream(ogg)) {
            fromStream = decoder.decode(in, "va_008.ogg", work.resolve("stream.pcm"));
        }
        assertThat(fromStream.channels()).isEqualTo(2);
        assertThat(fromStream.frames()).isEqualTo(fromFile.frames());
        assertThat(Files.mismatch(fromStream.pcmFile(), fromFile.pcmFile())).isEqualTo(-1L);

        Path wav = TestData.call("va_008.8k_ulaw.wav");
        try (InputStream in = Files.newInputStream(wav)) {
            DecodedAudio ulaw = decoder.decode(in, null, work.resolve("ulaw.pcm"));
            assertThat(ulaw.frames()).isEqualTo(decoder.decode(wav).frames());
        }
    }

    @Test
    void decodeToATargetLeavesOnlyTheTarget() throws IOException {
        Path target = work.resolve("out").resolve("call.pcm");
        DecodedAudio audio = Decoders.unlimited(work).decode(TestData.call("ms_002.mono.wav"), target);

        assertThat(audio.pcmFile()).isEqualTo(target);
        assertThat(Files.size(target)).isEqualTo(audio.frames() * 2);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }
}
