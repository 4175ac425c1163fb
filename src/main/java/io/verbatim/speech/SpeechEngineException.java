package io.verbatim.speech;

import io.verbatim.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A speech engine could not produce a transcript (native failure, remote error, missing model). */
public class SpeechEngineException extends ProblemException {

    public SpeechEngineException(String engine, String detail) {
        super(HttpStatus.BAD_GATEWAY, "speech-engine-failed", "Speech engine failed", engine + ": " + detail);
    }

    public SpeechEngineException(String engine, String detail, Throwable cause) {
        this(engine, detail);
        initCause(cause);
    }
}
