package io.verbatim.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.verbatim.media.DecodedAudio;
import io.verbatim.media.MediaInfo;
import io.verbatim.media.UnsupportedMediaException;
import io.verbatim.media.internal.TestMediaEncoder.Spec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Formats the shared test data does not have, made by encoding the first 20 s of a real call with
 * the same bundled FFmpeg, then decoded back and compared with the original.
 */
class GeneratedFormatsTest {

    private static final double SECONDS = 20;

    @TempDir
    static Path dir;

    static Path stereo;
    static Path mono;
    static short[] left;
    static short[] right;
    static short[] mix;

    @BeforeAll
    static void sources() throws IOException {
        Decoders.unlimited(dir); // loads FFmpeg for the encoder
        stereo = TestData.call("csr_002.stereo.wav");
        mono = TestData.call("csr_002.mono.wav");
        int n = (int) (SECONDS * 16_000);
        left = Arrays.copyOf(Decoders.wavChannel(stereo, 0), n);
        right = Arrays.copyOf(Decoders.wavChannel(stereo, 1), n);
        mix = Arrays.copyOf(Decoders.wavChannel(mono, 0), n);
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("flac", new Spec("flac", "flac", 16_000, 2, 0, false), "flac", "flac"),
                Arguments.of("opus.webm", new Spec("webm", "libopus", 48_000, 2, 64_000, false), "matroska,webm", "opus"),
                Arguments.of("opus", new Spec("ogg", "libopus", 16_000, 1, 24_000, false), "ogg", "opus"),
                Arguments.of("m4a", new Spec("ipod", "aac", 44_100, 2, 96_000, false), "mov,mp4,m4a,3gp,3g2,mj2", "aac"),
                Arguments.of("mp4", new Spec("mp4", "aac", 48_000, 2, 96_000, true), "mov,mp4,m4a,3gp,3g2,mj2", "aac"),
                Arguments.of("mov", new Spec("mov", "alac", 16_000, 2, 0, true), "mov,mp4,m4a,3gp,3g2,mj2", "alac"),
                Arguments.of("mkv", new Spec("matroska", "flac", 16_000, 2, 0, true), "matroska,webm", "flac"),
                Arguments.of("mp3", new Spec("mp3", "libmp3lame", 44_100, 2, 128_000, false), "mp3", "mp3"),
                Arguments.of("alaw.wav", new Spec("wav", "pcm_alaw", 8_000, 1, 0, false), "wav", "pcm_alaw"),
                Arguments.of("g722.wav", new Spec("wav", "g722", 16_000, 1, 64_000, false), "wav", "adpcm_g722"),
                Arguments.of("amr", new Spec("amr", "libopencore_amrnb", 8_000, 1, 12_200, false), "amr", "amr_nb"),
                Arguments.of("awb", new Spec("amr", "libvo_amrwbenc", 16_000, 1, 23_850, false), "amr", "amr_wb"),
                Arguments.of("spx", new Spec("ogg", "libspeex", 16_000, 1, 0, false), "ogg", "speex"),
                Arguments.of("wma", new Spec("asf", "wmav2", 44_100, 2, 128_000, false), "asf", "wmav2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void decodesWhatFfmpegCanEncode(String extension, Spec spec, String container, String codec) throws IOException {
        Path file = dir.resolve("sample." + extension);
        TestMediaEncoder.encode(spec.channels() == 1 ? mono : stereo, SECONDS, spec, file);
        FfmpegMediaDecoder decoder = Decoders.unlimited(dir);

        MediaInfo info = decoder.probe(file);
        assertThat(info.container()).isEqualTo(container);
        assertThat(info.codec()).isEqualTo(codec);
        assertThat(info.sampleRate()).isEqualTo(codec.equals("opus") ? 48_000 : spec.sampleRate()); // Ogg Opus always says 48k
        assertThat(info.channels()).isEqualTo(spec.channels());
        assertThat(info.hasVideo()).isEqualTo(spec.video());

        DecodedAudio audio = decoder.decode(file);
        assertThat(audio.sampleRate()).isEqualTo(16_000);
        assertThat(audio.channels()).isEqualTo(spec.channels());
        assertThat(audio.durationSeconds()).isCloseTo(SECONDS, within(0.1));
        System.out.printf("%-10s %-20s decoded %.3f s, envelope correlation %.3f%n", extension, codec, audio.durationSeconds(),
                Decoders.envelopeCorrelation(audio.readChannel(0), spec.channels() == 2 ? left : mix));
        if (spec.channels() == 2) {
            assertThat(Decoders.envelopeCorrelation(audio.readChannel(0), left)).isGreaterThan(0.95);
            assertThat(Decoders.envelopeCorrelation(audio.readChannel(1), right)).isGreaterThan(0.95);
        } else {
            assertThat(Decoders.envelopeCorrelation(audio.readChannel(0), mix)).isGreaterThan(0.95);
        }
        if (codec.equals("flac") || codec.equals("alac")) { // lossless at 16 kHz: the exact samples come back
            assertThat(Arrays.mismatch(audio.readChannel(0), left)).as("first differing sample").isEqualTo(-1);
            assertThat(Arrays.mismatch(audio.readChannel(1), right)).as("first differing sample").isEqualTo(-1);
        }
    }

    /**
     * This build has no GSM encoder (libgsm is not bundled), so GSM 06.10 is written by hand:
     * 33-byte frames of 160 samples (raw .gsm, signature nibble 0xD) and 65-byte Microsoft blocks
     * of 320 samples in a WAV (format tag 0x31), as old call recorders produce. Random payload
     * bits are valid GSM parameters, so the decoder must turn every frame into samples.
     */
    @Test
    void gsmTelephoneAudioDecodes() throws IOException {
        java.util.Random random = new java.util.Random(7);
        int frames = 250; // 5 s
        byte[] raw = new byte[frames * 33];
        random.nextBytes(raw);
        for (int f = 0; f < frames; f++) {
            raw[f * 33] = (byte) (0xD0 | (raw[f * 33] & 0x0F));
        }
        Path gsm = Files.write(dir.resolve("call.gsm"), raw);

        int blocks = 125; // 5 s
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(60 + blocks * 65).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(52 + blocks * 65).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(20).putShort((short) 0x31).putShort((short) 1).putInt(8000).putInt(1625)
                .putShort((short) 65).putShort((short) 0).putShort((short) 2).putShort((short) 320);
        wav.put("data".getBytes()).putInt(blocks * 65);
        byte[] payload = new byte[blocks * 65];
        random.nextBytes(payload);
        wav.put(payload);
        Path gsmWav = Files.write(dir.resolve("call-gsm.wav"), wav.array());

        FfmpegMediaDecoder decoder = Decoders.unlimited(dir);
        assertThat(decoder.probe(gsm).codec()).isEqualTo("gsm");
        assertThat(decoder.probe(gsmWav).codec()).isEqualTo("gsm_ms");
        for (Path file : new Path[] {gsm, gsmWav}) {
            DecodedAudio audio = decoder.decode(file);
            assertThat(audio.channels()).isEqualTo(1);
            assertThat(audio.sampleRate()).isEqualTo(16_000);
            assertThat(audio.durationSeconds()).as(file.toString()).isCloseTo(5.0, within(0.01));
            short[] samples = audio.readChannel(0);
            assertThat(Arrays.stream(Decoders.envelope(samples, 1600)).filter(rms -> rms > 0).count())
                    .as("windows with sound").isGreaterThan(40);
        }
    }

    @Test
    void surroundIsDownmixedToMono() throws IOException {
        Path file = dir.resolve("surround.mkv");
        TestMediaEncoder.encode(stereo, SECONDS, new Spec("matroska", "aac", 48_000, 6, 256_000, false), file);
        FfmpegMediaDecoder decoder = Decoders.unlimited(dir);
        assertThat(decoder.probe(file).channels()).isEqualTo(6);

        DecodedAudio audio = decoder.decode(file);

        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.durationSeconds()).isCloseTo(SECONDS, within(0.1));
        assertThat(Decoders.envelopeCorrelation(audio.readChannel(0), mix)).isGreaterThan(0.9);
    }

    @Test
    void videoWithoutAudioIsRejected() throws IOException {
        Path file = dir.resolve("silent-film.mp4");
        TestMediaEncoder.encode(stereo, 3, new Spec("mp4", null, 0, 0, 0, true), file);
        FfmpegMediaDecoder decoder = Decoders.unlimited(dir);

        assertThatThrownBy(() -> decoder.decode(file))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessage("the video has no audio track");
        assertThatThrownBy(() -> decoder.probe(file)).isInstanceOf(UnsupportedMediaException.class);
    }

    @Test
    void mp3AndWebmDecodeFromAStream() throws IOException {
        FfmpegMediaDecoder decoder = Decoders.unlimited(dir);
        for (Spec spec : new Spec[] {new Spec("mp3", "libmp3lame", 44_100, 2, 128_000, false),
                new Spec("webm", "libopus", 48_000, 2, 64_000, false)}) {
            Path file = dir.resolve("stream." + spec.muxer());
            TestMediaEncoder.encode(stereo, SECONDS, spec, file);
            try (InputStream in = Files.newInputStream(file)) {
                DecodedAudio audio = decoder.decode(in, file.getFileName().toString(), dir.resolve(spec.muxer() + ".pcm"));
                assertThat(audio.channels()).isEqualTo(2);
                assertThat(audio.durationSeconds()).isCloseTo(SECONDS, within(0.1));
                assertThat(Decoders.envelopeCorrelation(audio.readChannel(1), right)).isGreaterThan(0.95);
            }
        }
    }

    @Test
    void mp4WithItsIndexAtTheEndNeedsAPathNotAStream() throws IOException {
        Path file = dir.resolve("moov-at-end.m4a");
        TestMediaEncoder.encode(stereo, SECONDS, new Spec("ipod", "aac", 44_100, 2, 96_000, false), file);
        FfmpegMediaDecoder decoder = Decoders.unlimited(dir);

        try (InputStream in = Files.newInputStream(file)) {
            assertThatThrownBy(() -> decoder.decode(in, "moov-at-end.m4a", dir.resolve("x.pcm")))
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("seekable");
        }
        assertThat(decoder.decode(file).durationSeconds()).isCloseTo(SECONDS, within(0.1));
    }
}
