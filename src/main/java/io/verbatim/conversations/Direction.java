package io.verbatim.conversations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.WireNames;

public enum Direction {
    INBOUND, OUTBOUND, IN_PERSON, INTERNAL, UNKNOWN;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static Direction fromWire(String value) {
        return WireNames.parse(Direction.class, value, "invalid-direction", "direction");
    }
}
