package io.verbatim.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * An open object: its description and a stream of the bytes asked for. Close it (try-with-resources):
 * it holds a file handle or an HTTP connection. Closing before the end is fine and cheap.
 *
 * @param info   the whole object's description ({@code info.size()} is the full size)
 * @param offset where {@code stream} starts within the object
 * @param length how many bytes {@code stream} yields
 */
public record BlobContent(BlobInfo info, long offset, long length, InputStream stream) implements AutoCloseable {

    /** Whether this is part of the object (an HTTP 206 rather than a 200). */
    public boolean partial() {
        return offset != 0 || length != info.size();
    }

    /** The HTTP {@code Content-Range} value, e.g. {@code bytes 0-99/1000}. */
    public String contentRange() {
        return length == 0 ? "bytes */" + info.size() : "bytes " + offset + "-" + (offset + length - 1) + "/" + info.size();
    }

    /** Reads the rest into memory: for small documents (JSON), never for media. */
    public byte[] readAllBytes() {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new StorageException("Could not read object '" + info.key() + "'", e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new StorageException("Could not close object '" + info.key() + "'", e);
        }
    }
}
