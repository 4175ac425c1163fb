package io.verbatim.media;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** Zero bytes, or a valid container that holds no audio samples. */
public final class EmptyMediaException extends MediaException {

    public EmptyMediaException(String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "empty-media", "Empty media", reason, Map.of());
    }
}
