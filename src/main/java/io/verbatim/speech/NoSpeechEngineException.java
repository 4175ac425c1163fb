package io.verbatim.speech;

import io.verbatim.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** No configured speech engine can run here, or the one asked for by name cannot. */
public class NoSpeechEngineException extends ProblemException {

    public NoSpeechEngineException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "no-speech-engine", "No speech engine available", detail);
    }
}
