package io.verbatim.media;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Turns any audio or video recording into the 16 kHz 16-bit PCM the speech engines read.
 *
 * <p>Channels: mono stays mono and stereo stays stereo (contact-centre recordings put agent and
 * customer on separate channels, which is the cheapest diarisation there is). More than two
 * channels (5.1 video soundtracks) are downmixed to mono: there is no agent/customer meaning in a
 * surround layout, and two of six channels would drop the dialogue that lives in the centre.
 *
 * <p>Limits ({@link MediaProperties#maxSize()}, {@link MediaProperties#maxDuration()}) are enforced
 * while reading and decoding: decoding stops at the first byte or sample over the limit.
 *
 * <p>Every method throws a {@link MediaException} subclass for input that is not usable media,
 * and {@link java.io.UncheckedIOException} when the disk fails.
 */
public interface MediaDecoder {

    /** The sample rate of every {@link DecodedAudio} this decoder produces. */
    int SAMPLE_RATE = 16_000;

    /**
     * Reads the headers (and at most a few seconds of packets) of a file without decoding it.
     * Throws like {@link #decode(Path)} for what is not media, has no audio track, or exceeds
     * {@link MediaProperties#maxSize()}; the duration limit is left to decoding.
     */
    MediaInfo probe(Path source);

    /** Decodes a file into a new PCM file in the decoder's work directory; the caller deletes it when done. */
    DecodedAudio decode(Path source);

    /**
     * Decodes a file into {@code pcmTarget}. The target appears only when decoding succeeded (it is
     * written beside it and moved into place), so a crash never leaves a half file that looks whole.
     */
    DecodedAudio decode(Path source, Path pcmTarget);

    /**
     * Decodes straight from a stream (an object-store download), without a local copy of the input.
     * A stream cannot seek, so an MP4/MOV/M4A whose index ({@code moov}) sits at the end of the file
     * cannot be read this way and fails with {@link UnsupportedMediaException}; give those a path.
     *
     * @param nameHint the original file name, used only as a hint for formats that need an extension
     */
    DecodedAudio decode(InputStream source, String nameHint, Path pcmTarget);
}
