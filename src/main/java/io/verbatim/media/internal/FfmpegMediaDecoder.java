package io.verbatim.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import io.verbatim.media.CorruptMediaException;
import io.verbatim.media.DecodedAudio;
import io.verbatim.media.EmptyMediaException;
import io.verbatim.media.MediaDecoder;
import io.verbatim.media.MediaInfo;
import io.verbatim.media.MediaTooLongException;
import io.verbatim.media.UnsupportedMediaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * {@link MediaDecoder} on the FFmpeg libraries bundled by JavaCPP, in-process: demux with
 * libavformat (fed by {@link AvioSource}), decode with libavcodec, resample with libswresample.
 * Stateless apart from its settings, so one instance serves concurrent decodes.
 */
final class FfmpegMediaDecoder implements MediaDecoder {

    private static final int EAGAIN = 11;

    /**
     * Decoders report damaged packets and carry on, as the ffmpeg tool does; a recording with a
     * few glitches is still worth transcribing. Past this share of bad packets it is garbage.
     */
    private static final double MAX_BAD_PACKET_SHARE = 0.05;

    /** Audio shorter than the container promised by more than this is reported as truncated. */
    private static final double TRUNCATION_TOLERANCE_SECONDS = 1.0;

    private final long maxBytes;
    private final Duration maxDuration;
    private final Path workDir;

    FfmpegMediaDecoder(long maxBytes, Duration maxDuration, Path workDir, Path nativeCacheDir, String logLevel) {
        this.maxBytes = maxBytes;
        this.maxDuration = maxDuration;
        this.workDir = workDir;
        FfmpegNative.load(nativeCacheDir, logLevel);
    }

    @Override
    public MediaInfo probe(Path source) {
        try (OpenedMedia media = OpenedMedia.open(openFile(source), source.getFileName().toString())) {
            int index = requireAudio(media);
            AVCodecParameters params = media.format().streams(index).codecpar();
            double declared = media.declaredSeconds(index);
            return new MediaInfo(media.containerName(), FfmpegNative.string(avcodec_get_name(params.codec_id())),
                    Double.isNaN(declared) ? null : Duration.ofNanos(Math.round(declared * 1e9)),
                    params.sample_rate(), params.ch_layout().nb_channels(), media.hasVideo(),
                    media.format().bit_rate(), media.source().size());
        }
    }

    @Override
    public DecodedAudio decode(Path source) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media work directory " + workDir, e);
        }
        return decode(source, workDir.resolve(UUID.randomUUID() + ".pcm"));
    }

    @Override
    public DecodedAudio decode(Path source, Path pcmTarget) {
        return decode(OpenedMedia.open(openFile(source), source.getFileName().toString()), pcmTarget);
    }

    @Override
    public DecodedAudio decode(InputStream source, String nameHint, Path pcmTarget) {
        return decode(OpenedMedia.open(AvioSource.of(source, maxBytes), nameHint), pcmTarget);
    }

    private AvioSource openFile(Path source) {
        AvioSource avio = AvioSource.of(source, maxBytes);
        if (avio.size() == 0) {
            avio.close();
            throw new EmptyMediaException("the file is empty");
        }
        return avio;
    }

    private DecodedAudio decode(OpenedMedia opened, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (OpenedMedia media = opened) {
            int index = requireAudio(media);
            double declared = media.declaredSeconds(index);
            if (declared > maxDuration.toSeconds() + 1) {
                // the header is enough to refuse a 10-hour file without decoding 4 hours of it first
                throw new MediaTooLongException(maxDuration);
            }
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            AVStream stream = media.format().streams(index);
            int inChannels = stream.codecpar().ch_layout().nb_channels();
            // stereo keeps agent and customer apart; mono stays mono; surround is downmixed (see MediaDecoder)
            int outChannels = inChannels == 2 ? 2 : 1;
            long frames;
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 PcmWriter writer = new PcmWriter(out, outChannels, maxDuration.toMillis() * SAMPLE_RATE / 1000)) {
                decodeStream(media, index, writer, declared);
                out.force(false); // durable before the rename publishes it: the pipeline treats it as done
                frames = writer.frames();
            }
            move(partial, target);
            return new DecodedAudio(target, SAMPLE_RATE, outChannels, frames);
        } catch (PcmWriter.DurationExceeded e) {
            deleteQuietly(partial);
            throw new MediaTooLongException(maxDuration);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write decoded audio to " + target, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private void decodeStream(OpenedMedia media, int index, PcmWriter writer, double declared) throws IOException {
        AVStream stream = media.format().streams(index);
        for (int i = 0; i < media.format().nb_streams(); i++) {
            if (i != index) {
                media.format().streams(i).discard(AVDISCARD_ALL); // the demuxer then skips video without decoding it
            }
        }
        AVCodecParameters params = stream.codecpar();
        String codecName = FfmpegNative.string(avcodec_get_name(params.codec_id()));
        AVCodec codec = avcodec_find_decoder(params.codec_id());
        if (codec == null || codec.isNull()) {
            throw new UnsupportedMediaException("the audio codec '" + codecName + "' is not supported by this FFmpeg build");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            check(avcodec_parameters_to_context(context, params), "cannot configure the " + codecName + " decoder");
            context.pkt_timebase(stream.time_base());
            context.thread_count(1); // audio decoders gain little from threads, and decodes already run in parallel
            check(avcodec_open2(context, codec, (AVDictionary) null), "cannot open the " + codecName + " decoder");

            long packets = 0;
            long badPackets = 0;
            String firstError = null;
            while (true) {
                int read = av_read_frame(media.format(), packet);
                if (read == AVERROR_EOF) {
                    break;
                }
                if (read < 0) {
                    media.source().rethrowFailure();
                    if (!media.source().seekable() && writer.frames() == 0 && media.containerName().startsWith("mov,")) {
                        throw new UnsupportedMediaException("this " + media.containerName() + " file keeps its index at the"
                                + " end, so it cannot be decoded from a non-seekable stream; decode it from a file");
                    }
                    throw new CorruptMediaException("unreadable " + media.containerName() + " data after "
                            + seconds(writer.frames()) + ": " + FfmpegNative.describe(read));
                }
                try {
                    if (packet.stream_index() != index) {
                        continue;
                    }
                    packets++;
                    int sent = avcodec_send_packet(context, packet);
                    if (sent < 0 && sent != -EAGAIN) {
                        badPackets++;
                        firstError = firstError == null ? FfmpegNative.describe(sent) : firstError;
                    }
                } finally {
                    av_packet_unref(packet);
                }
                int received = receive(context, frame, writer);
                if (received < 0) {
                    badPackets++;
                    firstError = firstError == null ? FfmpegNative.describe(received) : firstError;
                }
            }
            media.source().rethrowFailure();
            avcodec_send_packet(context, (AVPacket) null);
            receive(context, frame, writer);
            writer.drain();

            if (writer.frames() == 0) {
                if (badPackets > 0) {
                    throw new CorruptMediaException("no decodable " + codecName + " audio: " + firstError);
                }
                throw new EmptyMediaException("the " + media.containerName() + " file holds no audio samples");
            }
            if (badPackets > Math.max(2, packets * MAX_BAD_PACKET_SHARE)) {
                throw new CorruptMediaException(badPackets + " of " + packets + " " + codecName
                        + " packets could not be decoded: " + firstError);
            }
            double decoded = writer.frames() / (double) SAMPLE_RATE;
            if (!Double.isNaN(declared) && decoded < declared - TRUNCATION_TOLERANCE_SECONDS) {
                throw new CorruptMediaException("truncated or damaged: the audio ends at " + format(decoded)
                        + " s but the " + media.containerName() + " header says " + format(declared) + " s");
            }
            AvioSource source = media.source();
            ContainerIntegrity.truncation(media.containerName(), source.head(), source.tail(), source.totalBytes())
                    .ifPresent(reason -> {
                        throw new CorruptMediaException(reason);
                    });
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            avcodec_free_context(context);
        }
    }

    /** Moves every frame the decoder has ready into the writer; returns a decode error, 0 otherwise. */
    private static int receive(AVCodecContext context, AVFrame frame, PcmWriter writer) throws IOException {
        while (true) {
            int result = avcodec_receive_frame(context, frame);
            if (result == -EAGAIN || result == AVERROR_EOF) {
                return 0;
            }
            if (result < 0) {
                return result;
            }
            try {
                writer.write(frame);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private static int requireAudio(OpenedMedia media) {
        int index = media.bestAudioStream();
        if (index < 0) {
            throw new UnsupportedMediaException(media.hasVideo()
                    ? "the video has no audio track" : "the " + media.containerName() + " file has no audio track");
        }
        return index;
    }

    private static void check(int result, String what) {
        if (result < 0) {
            throw new CorruptMediaException(what + ": " + FfmpegNative.describe(result));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover .part file is harmless: the next decode to the same target truncates it
        }
    }

    private static String seconds(long frames) {
        return format(frames / (double) SAMPLE_RATE) + " s";
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }
}
