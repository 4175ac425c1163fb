package io.verbatim.media;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The input has more bytes than {@code verbatim.media.max-size} allows. */
public final class MediaTooLargeException extends MediaException {

    public MediaTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "media-too-large", "Media too large",
                "the file is larger than the limit of " + maxBytes + " bytes", Map.of("max_bytes", maxBytes));
    }
}
