package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Canonical objection taxonomy. */
public enum ObjectionCategory {
    PRICE, TIMING, DECISION_MAKER, TRUST, COMPETITOR, NEED, OTHER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
