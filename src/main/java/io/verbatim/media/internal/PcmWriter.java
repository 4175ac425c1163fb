package io.verbatim.media.internal;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swresample.*;

import io.verbatim.media.MediaDecoder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Resamples decoded frames to 16 kHz interleaved s16 and appends them to a file. The resampler is
 * built from the first frame rather than the stream header, because some decoders only settle
 * their sample format and layout once they have decoded something; if a stream changes format
 * mid-way (rare: a chained Ogg, a radio rip) the resampler is rebuilt.
 */
final class PcmWriter implements AutoCloseable {

    private final FileChannel out;
    private final int outChannels;
    private final long maxFrames;
    private final AVChannelLayout outLayout = new AVChannelLayout();
    private final AVChannelLayout inLayout = new AVChannelLayout();
    private final PointerPointer<BytePointer> outPlanes = new PointerPointer<>(1);
    private SwrContext swr;
    private int inFormat = -1;
    private int inRate = -1;
    private BytePointer buffer;
    private long frames;

    /**
     * @param outChannels 1 or 2
     * @param maxFrames   stop with {@link DurationExceeded} past this many output frames
     */
    PcmWriter(FileChannel out, int outChannels, long maxFrames) {
        this.out = out;
        this.outChannels = outChannels;
        this.maxFrames = maxFrames;
        av_channel_layout_default(outLayout, outChannels);
    }

    long frames() {
        return frames;
    }

    void write(AVFrame frame) throws IOException {
        if (swr == null || frame.format() != inFormat || frame.sample_rate() != inRate
                || av_channel_layout_compare(frame.ch_layout(), inLayout) != 0) {
            if (swr != null) {
                drain();
                swr_free(swr);
            }
            swr = open(frame);
        }
        convert(frame.extended_data(), frame.nb_samples());
    }

    /** Writes what the resampler still holds (its filter delay: a few ms). */
    void drain() throws IOException {
        if (swr != null) {
            while (convert(null, 0) > 0) {
                // keep flushing until the resampler is empty
            }
        }
    }

    private SwrContext open(AVFrame frame) {
        av_channel_layout_uninit(inLayout);
        av_channel_layout_copy(inLayout, frame.ch_layout());
        AVChannelLayout layout = inLayout;
        AVChannelLayout fallback = null;
        if (inLayout.order() == AV_CHANNEL_ORDER_UNSPEC) {
            // a WAV without a channel mask: assume the conventional layout for that many channels
            fallback = new AVChannelLayout();
            av_channel_layout_default(fallback, inLayout.nb_channels());
            layout = fallback;
        }
        try (PointerPointer<SwrContext> created = new PointerPointer<>(1)) {
            created.put(0, (Pointer) null);
            int result = swr_alloc_set_opts2(created, outLayout, AV_SAMPLE_FMT_S16, MediaDecoder.SAMPLE_RATE,
                    layout, frame.format(), frame.sample_rate(), 0, null);
            SwrContext context = created.get(SwrContext.class, 0);
            if (result < 0 || (result = swr_init(context)) < 0) {
                swr_free(context);
                throw new IllegalStateException("cannot set up resampling from " + frame.sample_rate() + " Hz, "
                        + frame.ch_layout().nb_channels() + " channels: " + FfmpegNative.describe(result));
            }
            inFormat = frame.format();
            inRate = frame.sample_rate();
            return context;
        } finally {
            if (fallback != null) {
                av_channel_layout_uninit(fallback);
                fallback.close();
            }
        }
    }

    private int convert(PointerPointer<?> in, int inSamples) throws IOException {
        int capacity = swr_get_out_samples(swr, inSamples);
        if (capacity <= 0) {
            return 0;
        }
        long bytesNeeded = (long) capacity * outChannels * 2;
        if (buffer == null || buffer.capacity() < bytesNeeded) {
            if (buffer != null) {
                buffer.close();
            }
            buffer = new BytePointer(Math.max(bytesNeeded, 64 * 1024));
            outPlanes.put(0, buffer);
        }
        int converted = swr_convert(swr, outPlanes, capacity, in, inSamples);
        if (converted < 0) {
            throw new IllegalStateException("resampling failed: " + FfmpegNative.describe(converted));
        }
        if (converted > 0) {
            long bytes = (long) converted * outChannels * 2;
            var view = buffer.position(0).limit(bytes).asByteBuffer();
            while (view.hasRemaining()) {
                out.write(view);
            }
            frames += converted;
            if (frames > maxFrames) {
                throw new DurationExceeded();
            }
        }
        return converted;
    }

    @Override
    public void close() {
        if (swr != null) {
            swr_free(swr);
        }
        av_channel_layout_uninit(inLayout);
        av_channel_layout_uninit(outLayout);
        inLayout.close();
        outLayout.close();
        outPlanes.close();
        if (buffer != null) {
            buffer.close();
        }
    }

    /** Thrown past the duration limit; the decoder turns it into the public exception. */
    static final class DurationExceeded extends RuntimeException {
        DurationExceeded() {
            super(null, null, false, false);
        }
    }
}
