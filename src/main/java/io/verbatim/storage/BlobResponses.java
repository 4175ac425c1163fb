package io.verbatim.storage;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an object to an HTTP response for a media player: the whole object (200) or one byte range (206 with
 * {@code Content-Range}), always {@code Accept-Ranges: bytes}, 416 with {@code Content-Range: bytes *&#47;size} for a
 * range that starts past the end. Streamed from the store through a small buffer, never read into memory. One
 * implementation for every recording the product plays (calls, shopping evaluations).
 */
public final class BlobResponses {

    private BlobResponses() {
    }

    /**
     * @param range the request's {@code Range} header, or null. A header that is not one byte range of the
     *              {@code bytes} unit (several ranges, other units, garbage, {@code 5-2}) is ignored as HTTP allows
     *              (RFC 9110 §14.2), and the whole object is sent.
     */
    public static void write(TenantBlobs blobs, BlobKey key, String contentType, String range, HttpServletResponse response)
            throws IOException {
        ByteRange requested = range == null ? null : ByteRange.parseHttp(range).orElse(null);
        BlobContent content;
        try {
            content = requested == null ? blobs.get(key) : blobs.get(key, requested);
        } catch (RangeNotSatisfiableException e) {
            response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
            response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + e.size());
            response.setContentLength(0);
            return;
        }
        // A satisfiable Range is answered 206 even when it covers the whole object (a player's first "bytes=0-"):
        // Chromium treats a 206 as proof that it can seek.
        boolean partial = requested != null || content.partial();
        try (content; InputStream in = content.stream()) {
            response.setStatus(partial ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
            response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
            response.setContentType(contentType == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : contentType);
            response.setContentLengthLong(content.length());
            if (partial) {
                response.setHeader(HttpHeaders.CONTENT_RANGE, content.contentRange());
            }
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
            in.transferTo(response.getOutputStream());
        }
    }
}
