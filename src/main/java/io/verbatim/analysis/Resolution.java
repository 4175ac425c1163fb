package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the customer's purpose was met during the contact. */
public enum Resolution {
    RESOLVED, UNRESOLVED, ESCALATED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
