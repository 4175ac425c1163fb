package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who owns an action item: the business side (agent, colleagues, front desk) or the customer. */
public enum Owner {
    AGENT, CUSTOMER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
