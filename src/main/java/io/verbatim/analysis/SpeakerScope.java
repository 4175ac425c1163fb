package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.speech.Speaker;
import java.util.Locale;

/** Whose speech a rule looks at. */
public enum SpeakerScope {
    AGENT, CUSTOMER, ANY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Speaker speaker) {
        return switch (this) {
            case AGENT -> speaker == Speaker.AGENT;
            case CUSTOMER -> speaker == Speaker.CUSTOMER;
            case ANY -> true;
        };
    }
}
