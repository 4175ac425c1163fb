package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Lead qualification of a prospect's call. */
public enum Qualification {
    HOT, WARM, COLD, UNQUALIFIED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
