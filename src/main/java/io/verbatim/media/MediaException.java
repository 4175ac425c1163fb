package io.verbatim.media;

import io.verbatim.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Why a file could not be turned into audio. Each subclass has a stable problem type, so the
 * upload API and the pipeline's failure reason say the same thing; {@link #reason()} is the
 * human-readable cause (also the problem's {@code detail}).
 */
public abstract sealed class MediaException extends ProblemException
        permits UnsupportedMediaException, CorruptMediaException, EmptyMediaException,
                MediaTooLargeException, MediaTooLongException {

    protected MediaException(HttpStatus status, String type, String title, String reason, Map<String, Object> properties) {
        super(status, type, title, reason, properties);
    }

    /** The cause in words, e.g. "not an audio or video file" or "truncated: ends at 12.3 s of 60.0 s". */
    public String reason() {
        return getMessage();
    }
}
