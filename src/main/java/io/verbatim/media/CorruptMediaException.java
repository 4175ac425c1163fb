package io.verbatim.media;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** Recognised as media, but damaged: truncated, or the decoder rejected its data. */
public final class CorruptMediaException extends MediaException {

    public CorruptMediaException(String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "corrupt-media", "Corrupt media", reason, Map.of());
    }
}
