package io.verbatim.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bundled (LGPL) FFmpeg can decode and encode; prints the table and pins the decoders we rely on. */
class CodecAvailabilityTest {

    @TempDir
    java.nio.file.Path work;

    private static final List<String> RELIED_ON = List.of("pcm_s16le", "pcm_mulaw", "pcm_alaw", "gsm", "gsm_ms", "mp3float",
            "aac", "opus", "vorbis", "flac", "alac", "g722", "g726", "g729", "amrnb", "amrwb", "speex", "wmav2", "adpcm_ima_wav",
            "adpcm_ms");

    private static final List<String> ENCODERS = List.of("flac", "aac", "libopus", "opus", "vorbis", "libmp3lame", "pcm_mulaw",
            "pcm_alaw", "g722", "g726", "libopencore_amrnb", "libvo_amrwbenc", "libspeex", "wmav2", "alac", "libgsm",
            "libgsm_ms", "libfdk_aac", "libvorbis", "libx264", "libopenh264", "mpeg4", "libvpx");

    @Test
    void decodersWeRelyOnArePresent() {
        Decoders.unlimited(work); // loads FFmpeg
        StringBuilder table = new StringBuilder("FFmpeg audio codecs in this build:\n");
        for (String name : RELIED_ON) {
            table.append(String.format("  decode %-16s %s%n", name, present(avcodec_find_decoder_by_name(name))));
        }
        for (String name : ENCODERS) {
            table.append(String.format("  encode %-16s %s%n", name, present(avcodec_find_encoder_by_name(name))));
        }
        System.out.print(table);

        for (String name : RELIED_ON) {
            assertThat(avcodec_find_decoder_by_name(name)).as("decoder " + name).isNotNull()
                    .satisfies(codec -> assertThat(codec.isNull()).isFalse());
        }
    }

    private static String present(AVCodec codec) {
        return codec != null && !codec.isNull() ? "yes" : "MISSING";
    }
}
