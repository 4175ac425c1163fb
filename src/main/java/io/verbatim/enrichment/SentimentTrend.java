package io.verbatim.enrichment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the customer's sentiment moves from the opening to the close; on the wire {@code improving|steady|worsening}. */
public enum SentimentTrend {
    IMPROVING, STEADY, WORSENING;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
