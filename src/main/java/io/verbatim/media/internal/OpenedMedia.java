package io.verbatim.media.internal;

import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import io.verbatim.media.CorruptMediaException;
import io.verbatim.media.EmptyMediaException;
import io.verbatim.media.UnsupportedMediaException;
import java.util.Set;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An input whose container has been recognised and whose stream headers have been read. Owns the
 * {@link AvioSource} and the format context and frees both on close.
 */
final class OpenedMedia implements AutoCloseable {

    /**
     * Demuxers we let FFmpeg use. FFmpeg also recognises playlists (HLS, DASH, concat) that would
     * open other files or URLs, subtitles, images and ANSI text ("tty", which claims any plain-text
     * file): none of those is a recording, and playlists are a way to read the server's files.
     */
    static final Set<String> ALLOWED_CONTAINERS = Set.of(
            "wav", "w64", "aiff", "caf", "au", "voc", "sox", "nistsphere", "sln",
            "mp3", "aac", "loas", "ac3", "eac3", "dts", "flac", "ogg", "wv", "ape", "tta", "tak", "shn", "mpc", "mpc8",
            "matroska,webm", "mov,mp4,m4a,3gp,3g2,mj2", "avi", "asf", "flv", "mpeg", "mpegts", "mxf", "rm", "xwma",
            "amr", "amrnb", "amrwb", "gsm", "g722", "g723_1", "g729", "ilbc", "qcp", "dss", "alaw", "mulaw");

    private final AvioSource source;
    private final AVFormatContext format;

    private OpenedMedia(AvioSource source, AVFormatContext format) {
        this.source = source;
        this.format = format;
    }

    /** Recognises the container, reads its headers and stream parameters; closes {@code source} on failure. */
    static OpenedMedia open(AvioSource source, String nameHint) {
        AVFormatContext format = null;
        try {
            AVInputFormat detected = detect(source, nameHint);
            format = avformat_alloc_context();
            format.pb(source.avio()); // with pb set, FFmpeg marks the context custom-IO and never opens a path
            int result = avformat_open_input(format, nameHint, detected, null);
            if (result < 0) {
                format = null; // FFmpeg frees a user-supplied context when opening fails
                source.rethrowFailure();
                throw new CorruptMediaException("cannot read the " + FfmpegNative.string(detected.name())
                        + " header: " + FfmpegNative.describe(result));
            }
            result = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (result < 0) {
                source.rethrowFailure();
                throw new CorruptMediaException("cannot read the stream parameters: " + FfmpegNative.describe(result));
            }
            return new OpenedMedia(source, format);
        } catch (RuntimeException | Error e) {
            if (format != null) {
                avformat_close_input(format);
            }
            source.close();
            throw e;
        }
    }

    /**
     * Probes the first bytes ourselves instead of letting {@code avformat_open_input} do it, so an
     * unrecognised or disallowed format gets a clear reason before any demuxer runs.
     */
    private static AVInputFormat detect(AvioSource source, String nameHint) {
        try (PointerPointer<AVInputFormat> found = new PointerPointer<>(1);
             BytePointer hint = nameHint == null ? null : new BytePointer(nameHint)) {
            found.put(0, (Pointer) null);
            int score = av_probe_input_buffer2(source.avio(), found, hint, null, 0, 0);
            source.rethrowFailure();
            if (score < 0) {
                if (source.bytesRead() == 0) {
                    throw new EmptyMediaException("the file is empty");
                }
                throw new UnsupportedMediaException("not a recognised audio or video format");
            }
            AVInputFormat format = found.get(AVInputFormat.class, 0);
            String name = FfmpegNative.string(format.name());
            if (!ALLOWED_CONTAINERS.contains(name)) {
                throw new UnsupportedMediaException("not an audio or video recording (it looks like '" + name + "')");
            }
            return format;
        }
    }

    AVFormatContext format() {
        return format;
    }

    AvioSource source() {
        return source;
    }

    String containerName() {
        return FfmpegNative.string(format.iformat().name());
    }

    /** The audio stream FFmpeg would pick (most channels / best quality), or -1. */
    int bestAudioStream() {
        int index = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
        return Math.max(index, -1);
    }

    /** A real picture track; the cover art some MP3s and M4As carry is a one-frame "video" that does not count. */
    boolean hasVideo() {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                    && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The duration the container or the stream declares, in seconds; NaN when neither does. */
    double declaredSeconds(int streamIndex) {
        AVStream stream = format.streams(streamIndex);
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            return stream.duration() * av_q2d(stream.time_base());
        }
        if (format.duration() != AV_NOPTS_VALUE && format.duration() > 0) {
            return format.duration() / (double) AV_TIME_BASE;
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        avformat_close_input(format);
        source.close();
    }
}
