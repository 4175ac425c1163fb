package io.verbatim.media;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The audio lasts longer than {@code verbatim.media.max-duration} allows. */
public final class MediaTooLongException extends MediaException {

    public MediaTooLongException(Duration max) {
        super(HttpStatus.CONTENT_TOO_LARGE, "media-too-long", "Media too long",
                "the audio is longer than the limit of " + max.toSeconds() + " s", Map.of("max_seconds", max.toSeconds()));
    }
}
