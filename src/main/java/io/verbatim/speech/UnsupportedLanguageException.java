package io.verbatim.speech;

import io.verbatim.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The requested language is not one the engine (or its model) recognises. */
public class UnsupportedLanguageException extends ProblemException {

    public UnsupportedLanguageException(String engine, String language, String supported) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-language", "Language not supported by the speech engine",
                "speech engine '" + engine + "' cannot transcribe language '" + language + "' (supports: " + supported + ")",
                Map.of("engine", engine, "language", String.valueOf(language)));
    }
}
