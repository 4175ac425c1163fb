package io.verbatim.enrichment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A sentiment polarity; on the wire {@code negative|neutral|positive}. */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
