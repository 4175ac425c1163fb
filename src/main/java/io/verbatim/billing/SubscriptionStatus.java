package io.verbatim.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.ProblemException;
import java.util.Locale;

/** Where a company's subscription stands; only {@link #ACTIVE} is good standing. */
public enum SubscriptionStatus {
    ACTIVE, PAST_DUE, SUSPENDED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SubscriptionStatus fromWire(String value) {
        for (SubscriptionStatus status : values()) {
            if (status.wire().equals(value)) {
                return status;
            }
        }
        throw ProblemException.badRequest("invalid-subscription-status",
                "Unknown subscription status '" + value + "'; use active, past_due or suspended");
    }
}
