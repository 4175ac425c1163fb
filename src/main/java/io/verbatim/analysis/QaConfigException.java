package io.verbatim.analysis;

import io.verbatim.platform.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An invalid {@code qa-config.json}: a 422 problem of type {@code invalid-qa-config} whose
 * {@code errors} property lists every problem as {@code {"path": "$.scorecards[0]...", "message": "..."}}.
 */
public class QaConfigException extends ProblemException {

    private final List<Error> errors;

    public QaConfigException(List<Error> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-qa-config", "Invalid QA config", detail(errors),
                Map.of("errors", errors.stream().map(e -> Map.of("path", e.path(), "message", e.message())).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<Error> errors() {
        return errors;
    }

    private static String detail(List<Error> errors) {
        if (errors.isEmpty()) {
            return "invalid QA config";
        }
        Error first = errors.get(0);
        return first.path() + ": " + first.message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    public record Error(String path, String message) {
    }
}
