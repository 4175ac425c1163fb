package io.verbatim.media;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** Not audio or video at all (a text or PDF file), no audio track, or a codec this build cannot decode. */
public final class UnsupportedMediaException extends MediaException {

    public UnsupportedMediaException(String reason) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media", "Unsupported media", reason, Map.of());
    }
}
