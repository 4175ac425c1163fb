package io.verbatim.speech.internal;

import io.verbatim.media.DecodedAudio;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The speech segments of one channel written back to back as a 16-bit mono WAV file, with a short
 * silence between them, and the map from its time line back to the conversation's. Remote services
 * bill by audio duration and invent words in long silences, so they get only the speech.
 */
public final class SplicedAudio implements AutoCloseable {

    /** Silence between spliced segments: a clear pause to the recogniser, little to pay for. */
    public static final double GAP_SECONDS = 0.5;

    private record Piece(double splicedStart, double conversationStart, double length) {
    }

    private final Path file;
    private final List<Piece> pieces;
    private final double duration;

    private SplicedAudio(Path file, List<Piece> pieces, double duration) {
        this.file = file;
        this.pieces = pieces;
        this.duration = duration;
    }

    /** Writes the segments (all of one channel, in time order) to a temporary WAV file at the audio's sample rate. */
    public static SplicedAudio write(DecodedAudio audio, List<SpeechSegment> segments) {
        int rate = audio.sampleRate();
        int gapFrames = (int) Math.round(GAP_SECONDS * rate);
        long totalFrames = 0;
        for (int i = 0; i < segments.size(); i++) {
            totalFrames += segments.get(i).frames() + (i > 0 ? gapFrames : 0);
        }
        List<Piece> pieces = new ArrayList<>();
        try {
            Path file = Files.createTempFile("verbatim-speech-", ".wav");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(wavHeader(rate, totalFrames));
                long written = 0;
                for (int i = 0; i < segments.size(); i++) {
                    SpeechSegment s = segments.get(i);
                    if (i > 0) {
                        out.write(new byte[gapFrames * 2]);
                        written += gapFrames;
                    }
                    pieces.add(new Piece(written / (double) rate, s.start(), s.frames() / (double) rate));
                    for (long from = s.startFrame(); from < s.endFrame(); from += rate * 10L) {
                        short[] pcm = audio.readChannel(s.channel(), from, (int) Math.min(rate * 10L, s.endFrame() - from));
                        out.write(littleEndian(pcm));
                    }
                    written += s.frames();
                }
            }
            return new SplicedAudio(file, pieces, totalFrames / (double) rate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    /** Seconds of audio in the file. */
    public double duration() {
        return duration;
    }

    /** A time in the spliced file as conversation time; times in a gap go to the nearest piece edge. */
    public double toConversation(double splicedTime) {
        Piece best = pieces.getFirst();
        for (Piece p : pieces) {
            if (p.splicedStart() <= splicedTime) {
                best = p;
            }
        }
        double into = Math.clamp(splicedTime - best.splicedStart(), 0, best.length());
        return best.conversationStart() + into;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 44-byte header of a PCM 16-bit mono WAV file. */
    public static byte[] wavHeader(int sampleRate, long frames) {
        long dataBytes = frames * 2;
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt((int) dataBytes);
        return b.array();
    }

    private static byte[] littleEndian(short[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) {
            b.putShort(s);
        }
        return b.array();
    }
}
