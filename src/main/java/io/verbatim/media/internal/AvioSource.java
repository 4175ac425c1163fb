package io.verbatim.media.internal;

import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import io.verbatim.media.MediaTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Feeds FFmpeg from Java (a file channel or an input stream) through a custom {@code AVIOContext},
 * instead of letting FFmpeg open paths itself. That gives one place to count bytes (the size
 * limit holds for streams of unknown length), FFmpeg never opens a file or URL on its own, and the
 * same code serves local files and object-store streams.
 *
 * <p>JavaCPP has a small fixed number of native thunks per callback class, so the callbacks are
 * two singletons and find their source by the {@code opaque} pointer's address, as JavaCV does.
 */
final class AvioSource implements AutoCloseable {

    private static final int BUFFER_SIZE = 64 * 1024;
    static final int HEAD_SIZE = 64;
    static final int TAIL_SIZE = 64 * 1024;
    private static final int SEEK_SET = 0;
    private static final int SEEK_CUR = 1;
    private static final int SEEK_END = 2;
    private static final int EIO = 5;
    private static final int ENOSYS = 38;

    private static final Map<Long, AvioSource> OPEN = new ConcurrentHashMap<>();
    private static final ReadCallback READ = new ReadCallback();
    private static final SeekCallback SEEK = new SeekCallback();

    private final FileChannel file;
    private final InputStream stream;
    private final long maxBytes;
    private final long size;
    private final BytePointer token = new BytePointer(1);
    private final AVIOContext avio;
    private final byte[] head = new byte[HEAD_SIZE];
    private final byte[] tail;
    private byte[] copyBuffer;
    private long position;
    private long streamBytes;
    private boolean limitExceeded;
    private IOException failure;

    private AvioSource(FileChannel file, InputStream stream, long size, long maxBytes) {
        this.file = file;
        this.stream = stream;
        this.size = size;
        this.maxBytes = maxBytes;
        this.tail = file == null ? new byte[TAIL_SIZE] : null;
        BytePointer buffer = new BytePointer(av_malloc(BUFFER_SIZE)).capacity(BUFFER_SIZE);
        this.avio = avio_alloc_context(buffer, BUFFER_SIZE, 0, token, READ, null, file != null ? SEEK : null);
        if (avio == null || avio.isNull()) {
            av_free(buffer);
            throw new OutOfMemoryError("avio_alloc_context");
        }
        if (file == null) {
            avio.seekable(0);
        }
        OPEN.put(token.address(), this);
    }

    /** A local file; its size is checked against the limit before a byte is read. */
    static AvioSource of(Path path, long maxBytes) {
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            long size = channel.size();
            if (size > maxBytes) {
                channel.close();
                throw new MediaTooLargeException(maxBytes);
            }
            return new AvioSource(channel, null, size, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** A stream of unknown length: the limit is enforced as bytes arrive. */
    static AvioSource of(InputStream stream, long maxBytes) {
        return new AvioSource(null, stream, -1, maxBytes);
    }

    AVIOContext avio() {
        return avio;
    }

    boolean seekable() {
        return file != null;
    }

    /** The file size, or -1 for a stream. */
    long size() {
        return size;
    }

    /** Bytes delivered so far (for a file: the furthest position read). */
    long bytesRead() {
        return file != null ? position : streamBytes;
    }

    /** Throws what the callbacks could not throw across native code, if anything went wrong there. */
    void rethrowFailure() {
        if (limitExceeded) {
            throw new MediaTooLargeException(maxBytes);
        }
        if (failure != null) {
            throw new UncheckedIOException("reading the media failed", failure);
        }
    }

    private int read(BytePointer buf, int len) {
        try {
            if (file != null) {
                ByteBuffer target = buf.capacity(len).asByteBuffer();
                int n = file.read(target, position);
                if (n <= 0) {
                    return AVERROR_EOF;
                }
                position += n;
                return n;
            }
            if (copyBuffer == null || copyBuffer.length < len) {
                copyBuffer = new byte[len];
            }
            int n = stream.read(copyBuffer, 0, len);
            if (n <= 0) {
                return AVERROR_EOF;
            }
            remember(copyBuffer, n);
            streamBytes += n;
            if (streamBytes > maxBytes) {
                limitExceeded = true;
                return AVERROR_EXIT;
            }
            buf.capacity(len).put(copyBuffer, 0, n);
            return n;
        } catch (IOException e) {
            failure = e;
            return -EIO;
        } catch (RuntimeException e) {
            failure = new IOException(e);
            return -EIO;
        }
    }

    /** Keeps the first and the last bytes of a stream for {@link ContainerIntegrity}: a stream cannot be reread. */
    private void remember(byte[] bytes, int n) {
        if (streamBytes < HEAD_SIZE) {
            System.arraycopy(bytes, 0, head, (int) streamBytes, (int) Math.min(n, HEAD_SIZE - streamBytes));
        }
        int from = Math.max(0, n - TAIL_SIZE);
        for (int i = from; i < n; ) {
            int at = (int) ((streamBytes + i) % TAIL_SIZE);
            int chunk = Math.min(n - i, TAIL_SIZE - at);
            System.arraycopy(bytes, i, tail, at, chunk);
            i += chunk;
        }
    }

    /** The first bytes of the input (fewer if it is shorter). */
    byte[] head() {
        long total = totalBytes();
        int n = (int) Math.min(HEAD_SIZE, total);
        if (file == null) {
            return java.util.Arrays.copyOf(head, n);
        }
        return readAt(0, n);
    }

    /** The last bytes of the input; for a stream, once it has been read to the end. */
    byte[] tail() {
        long total = totalBytes();
        int n = (int) Math.min(TAIL_SIZE, total);
        if (file == null) {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = tail[(int) ((total - n + i) % TAIL_SIZE)];
            }
            return out;
        }
        return readAt(total - n, n);
    }

    /** The whole input's length: the file's size, or what the stream has delivered so far. */
    long totalBytes() {
        return file != null ? size : streamBytes;
    }

    private byte[] readAt(long at, int n) {
        ByteBuffer buf = ByteBuffer.allocate(n);
        try {
            while (buf.hasRemaining() && file.read(buf, at + buf.position()) > 0) {
                // keep reading: a file channel may return short reads
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reread the media file", e);
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    private long seek(long offset, int whence) {
        if ((whence & AVSEEK_SIZE) != 0) {
            return size;
        }
        long target = switch (whence & ~AVSEEK_FORCE) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> position + offset;
            case SEEK_END -> size + offset;
            default -> -1;
        };
        if (target < 0) {
            return -ENOSYS;
        }
        position = target;
        return target;
    }

    @Override
    public void close() {
        OPEN.remove(token.address());
        // FFmpeg may have swapped the buffer for a bigger one, so free whatever it holds now
        av_free(avio.buffer());
        avio_context_free(avio);
        token.close();
        try {
            if (file != null) {
                file.close();
            }
        } catch (IOException e) {
            // nothing was written; a failed close of a read-only channel loses nothing
        }
    }

    private static final class ReadCallback extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer buf, int len) {
            AvioSource source = OPEN.get(opaque.address());
            return source == null ? AVERROR_EXIT : source.read(buf, len);
        }
    }

    private static final class SeekCallback extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            AvioSource source = OPEN.get(opaque.address());
            return source == null ? -ENOSYS : source.seek(offset, whence);
        }
    }
}
