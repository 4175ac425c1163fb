package io.verbatim.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swresample.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Makes test inputs in formats the shared test data lacks, by encoding a real WAV with the same
 * bundled FFmpeg (what the LGPL build can encode is what we can test). Reads the WAV with
 * javax.sound so the input does not depend on the decoder under test.
 */
final class TestMediaEncoder {

    /**
     * @param muxer       FFmpeg muxer name ("mp4", "webm", "mp3", ...); null = no audio track
     * @param audioCodec  encoder name, or null for a video-only file
     * @param sampleRate  encoded sample rate
     * @param channels    encoded channels (swresample up/down-mixes the WAV to this)
     * @param video       add a small MPEG-4 Part 2 video track
     */
    record Spec(String muxer, String audioCodec, int sampleRate, int channels, long bitRate, boolean video) {
    }

    private static final int EAGAIN = 11;
    private static final int FPS = 10;

    private TestMediaEncoder() {
    }

    /** Encodes the first {@code seconds} of a 16-bit PCM WAV into {@code out}. */
    static void encode(Path wav, double seconds, Spec spec, Path out) throws IOException {
        Pcm pcm = readWav(wav, seconds);
        try (PointerPointer<AVFormatContext> created = new PointerPointer<>(1)) {
            created.put(0, (Pointer) null);
            check(avformat_alloc_output_context2(created, null, new BytePointer(spec.muxer()), new BytePointer(out.toString())), "output");
            AVFormatContext oc = created.get(AVFormatContext.class, 0);
            try {
                Track audio = spec.audioCodec() == null ? null : audioTrack(oc, spec);
                Track video = spec.video() ? videoTrack(oc) : null;
                if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
                    AVIOContext pb = new AVIOContext(null);
                    check(avio_open(pb, out.toString(), AVIO_FLAG_WRITE), "open " + out);
                    oc.pb(pb);
                }
                check(avformat_write_header(oc, (AVDictionary) null), "header");
                long videoFrames = Math.round(pcm.seconds() * FPS);
                if (audio != null) {
                    writeAudio(oc, audio, pcm, video, videoFrames);
                } else {
                    writeVideo(oc, video, videoFrames, 0);
                    flush(oc, video);
                }
                check(av_write_trailer(oc), "trailer");
                if (audio != null) {
                    avcodec_free_context(audio.context);
                }
                if (video != null) {
                    avcodec_free_context(video.context);
                }
            } finally {
                if ((oc.oformat().flags() & AVFMT_NOFILE) == 0 && oc.pb() != null) {
                    avio_closep(oc.pb());
                }
                avformat_free_context(oc);
            }
        }
    }

    private record Pcm(short[] samples, int sampleRate, int channels) {
        double seconds() {
            return samples.length / (double) channels / sampleRate;
        }
    }

    private record Track(AVStream stream, AVCodecContext context) {
    }

    private static Pcm readWav(Path wav, double seconds) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            var format = in.getFormat();
            int channels = format.getChannels();
            int rate = (int) format.getSampleRate();
            int frames = (int) Math.min(in.getFrameLength(), Math.round(seconds * rate));
            byte[] bytes = in.readNBytes(frames * channels * 2);
            short[] samples = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return new Pcm(samples, rate, channels);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }

    private static Track audioTrack(AVFormatContext oc, Spec spec) {
        AVCodec codec = avcodec_find_encoder_by_name(spec.audioCodec());
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("no encoder " + spec.audioCodec());
        }
        AVStream stream = avformat_new_stream(oc, null);
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        ctx.sample_fmt(firstSampleFormat(ctx, codec));
        ctx.sample_rate(spec.sampleRate());
        av_channel_layout_default(ctx.ch_layout(), spec.channels());
        if (spec.bitRate() > 0) {
            ctx.bit_rate(spec.bitRate());
        }
        ctx.time_base(new AVRational().num(1).den(spec.sampleRate()));
        if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        check(avcodec_open2(ctx, codec, (AVDictionary) null), "open encoder " + spec.audioCodec());
        check(avcodec_parameters_from_context(stream.codecpar(), ctx), "audio parameters");
        stream.time_base(ctx.time_base());
        return new Track(stream, ctx);
    }

    private static int firstSampleFormat(AVCodecContext ctx, AVCodec codec) {
        try (PointerPointer<Pointer> formats = new PointerPointer<>(1); IntPointer count = new IntPointer(1)) {
            check(avcodec_get_supported_config(ctx, codec, AV_CODEC_CONFIG_SAMPLE_FORMAT, 0, formats, count), "formats");
            if (count.get() == 0) {
                return AV_SAMPLE_FMT_S16;
            }
            return new IntPointer(formats.get(0)).get(0);
        }
    }

    private static Track videoTrack(AVFormatContext oc) {
        AVCodec codec = avcodec_find_encoder_by_name("mpeg4");
        AVStream stream = avformat_new_stream(oc, null);
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        ctx.width(160).height(120).pix_fmt(AV_PIX_FMT_YUV420P).gop_size(FPS);
        ctx.time_base(new AVRational().num(1).den(FPS));
        ctx.framerate(new AVRational().num(FPS).den(1));
        if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        check(avcodec_open2(ctx, codec, (AVDictionary) null), "open mpeg4");
        check(avcodec_parameters_from_context(stream.codecpar(), ctx), "video parameters");
        stream.time_base(ctx.time_base());
        return new Track(stream, ctx);
    }

    /** Resamples all the PCM at once into a FIFO, then feeds the encoder one frame_size at a time. */
    private static void writeAudio(AVFormatContext oc, Track audio, Pcm pcm, Track video, long videoFrames) {
        AVCodecContext ctx = audio.context();
        int frameSize = ctx.frame_size() > 0 ? ctx.frame_size() : 1024;
        AVChannelLayout inLayout = new AVChannelLayout();
        av_channel_layout_default(inLayout, pcm.channels());
        SwrContext swr;
        try (PointerPointer<SwrContext> created = new PointerPointer<>(1)) {
            created.put(0, (Pointer) null);
            check(swr_alloc_set_opts2(created, ctx.ch_layout(), ctx.sample_fmt(), ctx.sample_rate(),
                    inLayout, AV_SAMPLE_FMT_S16, pcm.sampleRate(), 0, null), "swr");
            swr = created.get(SwrContext.class, 0);
        }
        check(swr_init(swr), "swr init");
        int inFrames = pcm.samples().length / pcm.channels();
        int outCapacity = swr_get_out_samples(swr, inFrames) + 4096;
        AVFrame all = av_frame_alloc();
        all.format(ctx.sample_fmt()).nb_samples(outCapacity).sample_rate(ctx.sample_rate());
        av_channel_layout_copy(all.ch_layout(), ctx.ch_layout());
        check(av_frame_get_buffer(all, 0), "buffer");
        BytePointer in = new BytePointer((long) pcm.samples().length * 2);
        in.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(pcm.samples());
        PointerPointer<BytePointer> inPlanes = new PointerPointer<>(1);
        inPlanes.put(0, in);
        int converted = swr_convert(swr, all.extended_data(), outCapacity, inPlanes, inFrames);
        check(converted, "convert");
        AVAudioFifo fifo = av_audio_fifo_alloc(ctx.sample_fmt(), ctx.ch_layout().nb_channels(), converted + frameSize);
        av_audio_fifo_write(fifo, all.extended_data(), converted);

        boolean padLastFrame = ctx.frame_size() > 0
                && (ctx.codec().capabilities() & (AV_CODEC_CAP_SMALL_LAST_FRAME | AV_CODEC_CAP_VARIABLE_FRAME_SIZE)) == 0;
        AVFrame frame = av_frame_alloc();
        long pts = 0;
        long videoWritten = 0;
        while (av_audio_fifo_size(fifo) > 0) {
            int n = Math.min(frameSize, av_audio_fifo_size(fifo));
            int size = padLastFrame ? frameSize : n; // strictly fixed-frame codecs get a silence-padded last frame
            frame.format(ctx.sample_fmt()).nb_samples(size).sample_rate(ctx.sample_rate());
            av_channel_layout_copy(frame.ch_layout(), ctx.ch_layout());
            check(av_frame_get_buffer(frame, 0), "frame");
            av_samples_set_silence(frame.extended_data(), 0, size, ctx.ch_layout().nb_channels(), ctx.sample_fmt());
            av_audio_fifo_read(fifo, frame.extended_data(), n);
            frame.pts(pts);
            pts += size;
            encode(oc, audio, frame);
            av_frame_unref(frame);
            if (video != null) {
                long dueFrames = Math.min(videoFrames, pts * FPS / ctx.sample_rate());
                videoWritten += writeVideo(oc, video, dueFrames - videoWritten, videoWritten);
            }
        }
        encode(oc, audio, null);
        if (video != null) {
            writeVideo(oc, video, videoFrames - videoWritten, videoWritten);
            flush(oc, video);
        }
        av_frame_free(frame);
        av_frame_free(all);
        av_audio_fifo_free(fifo);
        swr_free(swr);
        in.close();
        inPlanes.close();
        av_channel_layout_uninit(inLayout);
    }

    /** Writes {@code count} frames of a moving grey gradient starting at frame number {@code first}. */
    private static long writeVideo(AVFormatContext oc, Track video, long count, long first) {
        AVCodecContext ctx = video.context();
        AVFrame frame = av_frame_alloc();
        for (long i = 0; i < count; i++) {
            frame.format(ctx.pix_fmt()).width(ctx.width()).height(ctx.height());
            check(av_frame_get_buffer(frame, 0), "video frame");
            long index = first + i;
            for (int plane = 0; plane < 3; plane++) {
                int w = plane == 0 ? ctx.width() : ctx.width() / 2;
                int h = plane == 0 ? ctx.height() : ctx.height() / 2;
                BytePointer data = frame.data(plane);
                int stride = frame.linesize(plane);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        data.put((long) y * stride + x, (byte) (plane == 0 ? (x + y + index * 3) : 128));
                    }
                }
            }
            frame.pts(index);
            encode(oc, video, frame);
            av_frame_unref(frame);
        }
        av_frame_free(frame);
        return count;
    }

    private static void flush(AVFormatContext oc, Track track) {
        encode(oc, track, null);
    }

    private static void encode(AVFormatContext oc, Track track, AVFrame frame) {
        check(avcodec_send_frame(track.context(), frame), "send frame");
        AVPacket packet = av_packet_alloc();
        try {
            while (true) {
                int result = avcodec_receive_packet(track.context(), packet);
                if (result == -EAGAIN || result == AVERROR_EOF) {
                    return;
                }
                check(result, "encode");
                av_packet_rescale_ts(packet, track.context().time_base(), track.stream().time_base());
                packet.stream_index(track.stream().index());
                check(av_interleaved_write_frame(oc, packet), "write");
            }
        } finally {
            av_packet_free(packet);
        }
    }

    private static int check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException(what + ": " + FfmpegNative.describe(result));
        }
        return result;
    }
}
