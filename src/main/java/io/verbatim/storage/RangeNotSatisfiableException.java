package io.verbatim.storage;

import io.verbatim.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The requested byte range starts at or after the end of the object. Carries the object's size,
 * which an HTTP response needs for {@code Content-Range: bytes *&#47;size}.
 */
public class RangeNotSatisfiableException extends ProblemException {

    private final long size;

    public RangeNotSatisfiableException(BlobKey key, ByteRange range, long size) {
        super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable", "Range not satisfiable",
                "Range " + range.httpValue() + " is outside object '" + key + "' of " + size + " bytes",
                Map.of("size", size));
        this.size = size;
    }

    public long size() {
        return size;
    }
}
