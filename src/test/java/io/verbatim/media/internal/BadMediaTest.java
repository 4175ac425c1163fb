package io.verbatim.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.media.CorruptMediaException;
import io.verbatim.media.EmptyMediaException;
import io.verbatim.media.MediaException;
import io.verbatim.media.MediaTooLargeException;
import io.verbatim.media.MediaTooLongException;
import io.verbatim.media.UnsupportedMediaException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** Files that are not usable media fail with a typed problem and a reason, and leave nothing behind. */
class BadMediaTest {

    @TempDir
    Path dir;

    private FfmpegMediaDecoder decoder() {
        return Decoders.unlimited(dir.resolve("work"));
    }

    @Test
    void zeroBytesIsEmpty() throws IOException {
        Path file = Files.createFile(dir.resolve("call.wav"));

        assertThatThrownBy(() -> decoder().decode(file))
                .isInstanceOf(EmptyMediaException.class).hasMessage("the file is empty");
        assertThatThrownBy(() -> decoder().probe(file)).isInstanceOf(EmptyMediaException.class);
        try (InputStream in = InputStream.nullInputStream()) {
            assertThatThrownBy(() -> decoder().decode(in, "call.wav", dir.resolve("out.pcm")))
                    .isInstanceOf(EmptyMediaException.class);
        }
        assertNothingWritten();
    }

    @Test
    void aWavHeaderWithoutSamplesIsEmpty() throws IOException {
        byte[] header = Files.readAllBytes(TestData.call("va_008.mono.wav"));
        byte[] empty = java.util.Arrays.copyOf(header, 44);
        // RIFF size 36 and data size 0: a well-formed WAV that holds no audio
        java.nio.ByteBuffer.wrap(empty).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, 36).putInt(40, 0);
        Path file = Files.write(dir.resolve("silence.wav"), empty);

        assertThatThrownBy(() -> decoder().decode(file))
                .isInstanceOf(EmptyMediaException.class).hasMessageContaining("holds no audio");
    }

    @Test
    void textAndPdfAreNotMedia() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "Call notes: customer wants a callback on Tuesday.\n".repeat(50));
        Path textNamedWav = Files.writeString(dir.resolve("notes.wav"), "Call notes: customer wants a callback.\n");
        Path pdf = Files.write(dir.resolve("invoice.pdf"), ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));

        for (Path file : new Path[] {text, textNamedWav, pdf}) {
            assertThatThrownBy(() -> decoder().decode(file)).as(file.toString())
                    .isInstanceOf(UnsupportedMediaException.class)
                    .hasMessageContaining("not");
        }
        assertThatThrownBy(() -> decoder().probe(pdf)).isInstanceOf(UnsupportedMediaException.class);
        assertNothingWritten();
    }

    @Test
    void randomBytesAreNotMedia() throws IOException {
        byte[] noise = new byte[200_000];
        new Random(42).nextBytes(noise);
        Path file = Files.write(dir.resolve("upload.bin"), noise);

        assertThatThrownBy(() -> decoder().decode(file))
                .isInstanceOf(UnsupportedMediaException.class)
                .satisfies(e -> assertThat(((MediaException) e).status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
                .satisfies(e -> assertThat(((MediaException) e).type()).isEqualTo("unsupported-media"));
    }

    @Test
    void truncatedWavIsCorrupt() throws IOException {
        Path file = truncate(TestData.call("csr_002.stereo.wav"), 3_000_000, "cut.wav");

        assertThatThrownBy(() -> decoder().decode(file))
                .isInstanceOf(CorruptMediaException.class)
                .hasMessage("truncated: the WAV header declares 11480076 bytes but the file has 3000000")
                .satisfies(e -> assertThat(((MediaException) e).type()).isEqualTo("corrupt-media"));
        try (InputStream in = Files.newInputStream(file)) {
            assertThatThrownBy(() -> decoder().decode(in, "cut.wav", dir.resolve("out.pcm")))
                    .isInstanceOf(CorruptMediaException.class).hasMessageContaining("truncated");
        }
        assertNothingWritten();
    }

    @Test
    void truncatedOggIsCorrupt() throws IOException {
        Path midPage = truncate(TestData.call("csr_002.ogg"), 600_000, "cut.ogg");
        assertThatThrownBy(() -> decoder().decode(midPage))
                .isInstanceOf(CorruptMediaException.class).hasMessageStartingWith("truncated: the last Ogg page is cut short");
        try (InputStream in = Files.newInputStream(midPage)) {
            assertThatThrownBy(() -> decoder().decode(in, "cut.ogg", dir.resolve("out.pcm")))
                    .isInstanceOf(CorruptMediaException.class).hasMessageStartingWith("truncated");
        }

        Path atPageBoundary = truncate(TestData.call("csr_002.ogg"), lastPageStart(TestData.call("csr_002.ogg")), "cut2.ogg");
        assertThatThrownBy(() -> decoder().decode(atPageBoundary))
                .isInstanceOf(CorruptMediaException.class).hasMessage("truncated: the Ogg stream has no end-of-stream page");

        Path headerOnly = truncate(TestData.call("csr_002.ogg"), 20, "stub.ogg");
        assertThatThrownBy(() -> decoder().decode(headerOnly)).isInstanceOf(CorruptMediaException.class);
        assertNothingWritten();
    }

    @Test
    void damagedOggIsCorrupt() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.call("csr_002.ogg"));
        Random random = new Random(1);
        for (int at = 20_000; at + 400 < bytes.length; at += 5_000) { // scribble over every page
            byte[] junk = new byte[400];
            random.nextBytes(junk);
            System.arraycopy(junk, 0, bytes, at, junk.length);
        }
        Path file = Files.write(dir.resolve("damaged.ogg"), bytes);

        assertThatThrownBy(() -> decoder().decode(file))
                .isInstanceOf(CorruptMediaException.class).hasMessageContaining("damaged");
        assertNothingWritten();
    }

    @Test
    void wavWithBrokenMagicIsNotRecognised() throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.call("va_008.mono.wav"));
        bytes[0] = 'X';
        Path file = Files.write(dir.resolve("broken.wav"), bytes);

        assertThatThrownBy(() -> decoder().decode(file)).isInstanceOf(UnsupportedMediaException.class);
    }

    @Test
    void tooLargeFileIsRefusedBeforeReading() throws IOException {
        FfmpegMediaDecoder decoder = Decoders.limited(dir.resolve("work"), 1_000_000, Duration.ofHours(1));

        assertThatThrownBy(() -> decoder.decode(TestData.call("csr_002.stereo.wav")))
                .isInstanceOf(MediaTooLargeException.class)
                .satisfies(e -> assertThat(((MediaException) e).status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
                .satisfies(e -> assertThat(((MediaException) e).properties()).containsEntry("max_bytes", 1_000_000L));
        assertNothingWritten();
    }

    @Test
    void tooLargeStreamStopsAtTheLimit() throws IOException {
        FfmpegMediaDecoder decoder = Decoders.limited(dir.resolve("work"), 1_000_000, Duration.ofHours(1));
        try (CountingStream in = new CountingStream(Files.newInputStream(TestData.call("csr_002.ogg")))) {
            assertThatThrownBy(() -> decoder.decode(in, "call.ogg", dir.resolve("work").resolve("out.pcm")))
                    .isInstanceOf(MediaTooLargeException.class);
            assertThat(in.count).isLessThan(1_000_000 + 128 * 1024); // read one buffer past the limit at most
        }
        assertNothingWritten();
    }

    @Test
    void tooLongAudioIsRefusedFromItsHeader() throws IOException {
        FfmpegMediaDecoder decoder = Decoders.limited(dir.resolve("work"), Long.MAX_VALUE, Duration.ofSeconds(60));

        assertThatThrownBy(() -> decoder.decode(TestData.call("csr_002.stereo.wav")))
                .isInstanceOf(MediaTooLongException.class)
                .hasMessage("the audio is longer than the limit of 60 s")
                .satisfies(e -> assertThat(((MediaException) e).type()).isEqualTo("media-too-long"));
        assertNothingWritten();
    }

    @Test
    void tooLongStreamStopsDecodingAtTheLimit() throws IOException {
        // an Ogg read from a stream declares no duration: only the running sample count can stop it
        FfmpegMediaDecoder decoder = Decoders.limited(dir.resolve("work"), Long.MAX_VALUE, Duration.ofSeconds(30));
        Path ogg = TestData.call("csr_002.ogg"); // 179 s
        try (CountingStream in = new CountingStream(Files.newInputStream(ogg))) {
            assertThatThrownBy(() -> decoder.decode(in, "call.ogg", dir.resolve("work").resolve("out.pcm")))
                    .isInstanceOf(MediaTooLongException.class);
            assertThat(in.count).isLessThan(Files.size(ogg) / 3);
        }
        assertNothingWritten();
    }

    @Test
    void problemTypesAreStable() {
        assertThat(new UnsupportedMediaException("x").type()).isEqualTo("unsupported-media");
        assertThat(new CorruptMediaException("x").type()).isEqualTo("corrupt-media");
        assertThat(new EmptyMediaException("x").type()).isEqualTo("empty-media");
        assertThat(new MediaTooLargeException(1).type()).isEqualTo("media-too-large");
        assertThat(new MediaTooLongException(Duration.ofHours(4)).type()).isEqualTo("media-too-long");
        assertThat(new CorruptMediaException("cut").reason()).isEqualTo("cut");
    }

    private void assertNothingWritten() throws IOException {
        Path work = dir.resolve("work");
        if (Files.isDirectory(work)) {
            try (Stream<Path> files = Files.list(work)) {
                assertThat(files).as("decoded or partial files left behind").isEmpty();
            }
        }
        assertThat(dir.resolve("out.pcm")).doesNotExist();
        assertThat(dir.resolve("out.pcm.part")).doesNotExist();
    }

    private Path truncate(Path source, long bytes, String name) throws IOException {
        byte[] all = Files.readAllBytes(source);
        return Files.write(dir.resolve(name), java.util.Arrays.copyOf(all, (int) bytes));
    }

    private static long lastPageStart(Path ogg) throws IOException {
        byte[] all = Files.readAllBytes(ogg);
        for (int i = all.length - 4; i >= 0; i--) {
            if (all[i] == 'O' && all[i + 1] == 'g' && all[i + 2] == 'g' && all[i + 3] == 'S') {
                return i;
            }
        }
        throw new IllegalStateException("no Ogg page");
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
