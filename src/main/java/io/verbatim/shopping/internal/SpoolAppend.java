package io.verbatim.shopping.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * One PATCH's bytes appended to the spool file. The body is read into a pooled direct buffer (no copy through heap
 * arrays) and written at the PATCH's offset; while it arrives, a background task follows the writes: it reads the new
 * bytes back from the page cache into the upload's running SHA-256 and forces them to disk, so the force that
 * acknowledges the PATCH has little left to write and the completion no reading pass for the digests. The SHA-1 of an
 * {@code Upload-Checksum} covers this PATCH only and is updated as the bytes are written.
 */
final class SpoolAppend implements AutoCloseable {

    /** Bytes gathered from the request before each write to the spool (the heap does not grow with the file). */
    static final int BUFFER = 128 * 1024;
    /** The follower forces (and digests) once this much more was written, when it is not busy already. */
    static final long FOLLOW_STEP = 2L << 20;
    private static final BlockingQueue<ByteBuffer> POOL = new ArrayBlockingQueue<>(64);
    private static final Executor FOLLOWERS = Executors.newVirtualThreadPerTaskExecutor();

    private final FileChannel out;
    private final long start;
    private final MessageDigest sha1;
    private final RunningDigests.Digests digests;
    private final ByteBuffer buffer = take();
    private final ByteBuffer readBack;
    private volatile long written;
    private long digested;
    private long followedAt;
    private boolean digestValid;
    private CompletableFuture<Void> following = CompletableFuture.completedFuture(null);

    /**
     * @param sha1   this PATCH's checksum, or null
     * @param digests the upload's running digests over every byte before {@code offset}, or null (not known here)
     */
    private SpoolAppend(FileChannel out, long offset, MessageDigest sha1, RunningDigests.Digests digests) {
        this.out = out;
        this.start = offset;
        this.sha1 = sha1;
        this.digests = digests;
        this.digestValid = digests != null;
        this.digested = offset;
        this.readBack = digests == null ? null : take();
    }

    /** Opens the spool file and cuts anything past {@code offset} (bytes of a PATCH that was not acknowledged). */
    static SpoolAppend open(Path file, long offset, MessageDigest sha1, RunningDigests.Digests digests) throws IOException {
        FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            out.truncate(offset);
            out.position(offset);
            return new SpoolAppend(out, offset, sha1, digests);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** The buffer to read the body into; {@link #write} when it is full. */
    ByteBuffer buffer() {
        return buffer;
    }

    /** Bytes written to the file by this PATCH (the buffer's content not included). */
    long written() {
        return written;
    }

    /** Bytes received by this PATCH: written plus those in the buffer. */
    long received() {
        return written + buffer.position();
    }

    /** Writes the buffer's content to the file and lets the follower catch up when it is idle and far enough behind. */
    void write() throws IOException {
        buffer.flip();
        if (sha1 != null) {
            sha1.update(buffer.duplicate());
        }
        int n = buffer.remaining();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
        written += n;
        if (written - followedAt >= FOLLOW_STEP && following.isDone()) {
            followedAt = written;
            following = CompletableFuture.runAsync(this::followQuietly, FOLLOWERS);
        }
    }

    /** Forgets this PATCH's bytes (a checksum mismatch, a body past the length): the file ends at the PATCH's offset again. */
    void discard() throws IOException {
        awaitFollower();
        buffer.clear();
        out.truncate(start);
        written = 0;
        digestValid = false;
    }

    /** Makes every written byte durable and the running digests cover them; returns the PATCH's checksum digest. */
    byte[] force() throws IOException {
        awaitFollower();
        follow();
        return sha1 == null ? null : sha1.digest();
    }

    /** The running digests over the file up to the end of this PATCH, once {@link #force} returned; null when not known. */
    RunningDigests.Digests digests() {
        return digestValid && digested == start + written ? digests : null;
    }

    /** Reads back what was written since the last time into the digests, then forces the file. */
    private void follow() throws IOException {
        long end = start + written;
        if (digestValid) {
            while (digested < end) {
                readBack.clear().limit((int) Math.min(readBack.capacity(), end - digested));
                int n = out.read(readBack, digested);
                if (n < 0) {
                    digestValid = false;
                    break;
                }
                readBack.flip();
                digests.sha256().update(readBack);
                digested += n;
            }
        }
        out.force(false);
    }

    private void followQuietly() {
        try {
            follow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitFollower() throws IOException {
        try {
            following.get();
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("The spool's background force failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while forcing the spool file", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            awaitFollower();
        } finally {
            try {
                out.close();
            } finally {
                give(buffer);
                if (readBack != null) {
                    give(readBack);
                }
            }
        }
    }

    private static ByteBuffer take() {
        ByteBuffer b = POOL.poll();
        return b == null ? ByteBuffer.allocateDirect(BUFFER) : b.clear();
    }

    private static void give(ByteBuffer b) {
        POOL.offer(b);
    }
}
