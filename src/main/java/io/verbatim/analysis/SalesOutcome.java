package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Outcome of a sales visit. */
public enum SalesOutcome {
    CLOSED_WON, CLOSED_LOST, OPEN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
