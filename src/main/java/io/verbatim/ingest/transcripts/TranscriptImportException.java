package io.verbatim.ingest.transcripts;

import io.verbatim.platform.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Why a transcript file could not be imported. The {@link #type()} is one of
 * {@link #UNSUPPORTED_FORMAT}, {@link #INVALID} or {@link #TOO_LARGE}; the message says what is
 * wrong and where (a JSON path such as {@code results.items[12].start_time}).
 */
public class TranscriptImportException extends ProblemException {

    /** The content is no format we read, or the format name given is unknown. */
    public static final String UNSUPPORTED_FORMAT = "unsupported-transcript-format";
    /** The content is of a known format but malformed: bad JSON, no turns, negative or inverted times, wrong types. */
    public static final String INVALID = "invalid-transcript";
    /** The content is larger than the configured limit. */
    public static final String TOO_LARGE = "transcript-too-large";

    TranscriptImportException(HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        super(status, type, title, detail, properties);
    }

    static TranscriptImportException unsupported(HttpStatus status, String detail, List<String> supportedFormats) {
        return new TranscriptImportException(status, UNSUPPORTED_FORMAT, "Unsupported transcript format",
                detail + ". Supported formats: " + String.join(", ", supportedFormats),
                Map.of("supportedFormats", List.copyOf(supportedFormats)));
    }

    static TranscriptImportException invalid(String format, String detail) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (format != null) {
            properties.put("format", format);
        }
        String prefix = format == null ? "" : "Invalid " + format + " transcript: ";
        return new TranscriptImportException(HttpStatus.UNPROCESSABLE_CONTENT, INVALID, "Invalid transcript",
                prefix + detail, properties);
    }

    static TranscriptImportException tooLarge(long maxBytes) {
        return new TranscriptImportException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "Transcript too large",
                "The transcript is larger than the limit of " + maxBytes + " bytes", Map.of("maxBytes", maxBytes));
    }
}
