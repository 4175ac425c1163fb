package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A scorecard item's result: met, not met, or not applicable to this conversation. */
public enum ItemStatus {
    MET, NOT_MET, NOT_APPLICABLE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
