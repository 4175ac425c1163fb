package io.verbatim.speech;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who speaks a turn, in the users' terms. */
public enum Speaker {
    AGENT, CUSTOMER, UNKNOWN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Speaker fromWire(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "agent", "rep", "csr", "assistant", "bot", "ai" -> AGENT;
            case "customer", "caller", "client", "user", "visitor", "prospect" -> CUSTOMER;
            default -> UNKNOWN;
        };
    }

    public Speaker other() {
        return switch (this) {
            case AGENT -> CUSTOMER;
            case CUSTOMER -> AGENT;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
