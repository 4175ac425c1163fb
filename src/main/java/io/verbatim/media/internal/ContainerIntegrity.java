package io.verbatim.media.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Detects truncation that FFmpeg silently tolerates. Its WAV demuxer clamps the declared length
 * to the bytes present and its Ogg demuxer takes the duration from the last page that survived,
 * so a half-uploaded WAV or Ogg decodes "successfully" to a shorter recording. Containers with an
 * index (MP4, Matroska, FLAC) declare a duration that the decoder compares with what it got.
 */
final class ContainerIntegrity {

    private static final int OGG_EOS = 0x04;
    private static final int OGG_HEADER = 27;

    private ContainerIntegrity() {
    }

    /** Why the input looks cut short, if it does. */
    static Optional<String> truncation(String container, byte[] head, byte[] tail, long totalBytes) {
        return switch (container) {
            case "wav" -> wav(head, totalBytes);
            case "ogg" -> ogg(tail);
            default -> Optional.empty();
        };
    }

    /**
     * The RIFF header states the file's length. Recorders that stream a WAV write 0 or 0xFFFFFFFF
     * there because they do not know it yet; those are not checked.
     */
    private static Optional<String> wav(byte[] head, long totalBytes) {
        if (head.length < 12 || !ascii(head, 0, "RIFF") || !ascii(head, 8, "WAVE")) {
            return Optional.empty();
        }
        long riffSize = ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (riffSize == 0 || riffSize == 0xFFFFFFFFL) {
            return Optional.empty();
        }
        long declared = riffSize + 8;
        if (totalBytes < declared) {
            return Optional.of("truncated: the WAV header declares " + declared + " bytes but the file has " + totalBytes);
        }
        return Optional.empty();
    }

    /**
     * An Ogg file ends with a complete page flagged end-of-stream. A file cut mid-page ends with a
     * partial page; one cut at a page boundary ends without the flag.
     */
    private static Optional<String> ogg(byte[] tail) {
        int page = lastIndexOf(tail, "OggS");
        if (page < 0 || tail.length - page < OGG_HEADER) {
            return Optional.of("truncated: the Ogg file does not end with a complete page");
        }
        int headerType = tail[page + 5] & 0xFF;
        int segments = tail[page + 26] & 0xFF;
        int headerEnd = page + OGG_HEADER + segments;
        if (headerEnd > tail.length) {
            return Optional.of("truncated: the last Ogg page is cut inside its header");
        }
        long body = 0;
        for (int i = page + OGG_HEADER; i < headerEnd; i++) {
            body += tail[i] & 0xFF;
        }
        if (headerEnd + body > tail.length) {
            return Optional.of("truncated: the last Ogg page is cut short (" + (tail.length - headerEnd)
                    + " of " + body + " bytes)");
        }
        if ((headerType & OGG_EOS) == 0) {
            return Optional.of("truncated: the Ogg stream has no end-of-stream page");
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        if (at + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] bytes, String text) {
        for (int i = bytes.length - text.length(); i >= 0; i--) {
            if (ascii(bytes, i, text)) {
                return i;
            }
        }
        return -1;
    }
}
