package io.verbatim.storage.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The body of a GET. Closing it before the end aborts the connection instead of draining the
 * rest: a media player that seeks away from a 2 GB file must not make us download it.
 */
final class S3ObjectStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private long remaining;

    S3ObjectStream(ResponseInputStream<?> response, long length) {
        super(response);
        this.response = response;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        remaining -= skipped;
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        if (remaining > 0) {
            response.abort();
        }
        super.close();
    }
}
