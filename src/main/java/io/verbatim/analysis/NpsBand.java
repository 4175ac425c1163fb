package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Inferred Net Promoter band. */
public enum NpsBand {
    PROMOTER, PASSIVE, DETRACTOR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
