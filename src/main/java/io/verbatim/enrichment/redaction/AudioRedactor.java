package io.verbatim.enrichment.redaction;

import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.RedactedAudio;
import io.verbatim.media.DecodedAudio;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a playback copy of decoded audio with the PII spans silenced on every channel, as a 16-bit
 * PCM WAV (RIFF) file. Spans timed by words are padded a little for timing error; spans estimated within
 * their turn (no word timings) are padded more. The audio is streamed a block at a time, so an hour of
 * stereo needs no more memory than a short clip. The file is written beside the target and moved into
 * place, so a crash never leaves a half-redacted copy under the final name.
 */
public final class AudioRedactor {

    private static final int BLOCK_FRAMES = 16_000;
    /** Extra padding for a span interpolated over its turn instead of timed by words. */
    private static final double ESTIMATED_EXTRA = 0.35;

    private final double padding;

    public AudioRedactor(double paddingSeconds) {
        this.padding = paddingSeconds;
    }

    public RedactedAudio redact(DecodedAudio audio, List<PiiEntity> pii, Path wav) throws IOException {
        List<RedactedAudio.Span> spans = spans(pii, audio.durationSeconds());
        long[][] frames = new long[spans.size()][2];
        for (int i = 0; i < spans.size(); i++) {
            frames[i][0] = (long) Math.floor(spans.get(i).start() * audio.sampleRate());
            frames[i][1] = Math.min(audio.frames(), (long) Math.ceil(spans.get(i).end() * audio.sampleRate()));
        }
        int frameBytes = 2 * audio.channels();
        Path parent = wav.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, wav.getFileName().toString(), ".part");
        try (FileChannel in = FileChannel.open(audio.pcmFile(), StandardOpenOption.READ);
             OutputStream out = Files.newOutputStream(tmp)) {
            out.write(header(audio.sampleRate(), audio.channels(), audio.frames()));
            ByteBuffer buf = ByteBuffer.allocate(BLOCK_FRAMES * frameBytes);
            long frame = 0;
            while (frame < audio.frames()) {
                buf.clear();
                int want = (int) Math.min(BLOCK_FRAMES, audio.frames() - frame);
                buf.limit(want * frameBytes);
                while (buf.hasRemaining()) {
                    if (in.read(buf, frame * frameBytes + buf.position()) < 0) {
                        break;
                    }
                }
                byte[] block = buf.array();
                int got = buf.position() / frameBytes;
                for (long[] span : frames) {
                    long from = Math.max(span[0], frame);
                    long to = Math.min(span[1], frame + got);
                    if (from < to) {
                        java.util.Arrays.fill(block, (int) (from - frame) * frameBytes, (int) (to - frame) * frameBytes, (byte) 0);
                    }
                }
                out.write(block, 0, got * frameBytes);
                if (got < want) {
                    break;
                }
                frame += got;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        double total = spans.stream().mapToDouble(s -> s.end() - s.start()).sum();
        int wordTimed = (int) pii.stream().filter(p -> "words".equals(p.timing())).count();
        return new RedactedAudio(wav, audio.sampleRate(), audio.channels(), audio.frames(), spans, Math.round(total * 1000) / 1000.0,
                wordTimed);
    }

    /** The padded, merged time spans to silence. */
    List<RedactedAudio.Span> spans(List<PiiEntity> pii, double duration) {
        List<double[]> raw = new ArrayList<>();
        for (PiiEntity p : pii) {
            double pad = padding + ("words".equals(p.timing()) ? 0 : ESTIMATED_EXTRA);
            raw.add(new double[] {Math.max(0, p.start() - pad), Math.min(duration, p.end() + pad)});
        }
        raw.sort(Comparator.comparingDouble(a -> a[0]));
        List<RedactedAudio.Span> merged = new ArrayList<>();
        double[] current = null;
        for (double[] s : raw) {
            if (s[1] <= s[0]) {
                continue;
            }
            if (current != null && s[0] <= current[1]) {
                current[1] = Math.max(current[1], s[1]);
            } else {
                if (current != null) {
                    merged.add(new RedactedAudio.Span(current[0], current[1]));
                }
                current = s.clone();
            }
        }
        if (current != null) {
            merged.add(new RedactedAudio.Span(current[0], current[1]));
        }
        return merged;
    }

    static byte[] header(int sampleRate, int channels, long frames) {
        long dataBytes = frames * 2L * channels;
        if (dataBytes > 0xFFFFFFFFL - 36) {
            throw new IllegalArgumentException("audio too long for a WAV file (" + dataBytes + " bytes)");
        }
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
        h.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.array();
    }
}
