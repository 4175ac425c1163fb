package io.verbatim.ask;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.WireNames;

/** How wide a question looks: the caller's own conversations, their team's, or the whole tenant's. */
public enum AskScope {
    SELF, TEAM, COMPANY;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static AskScope fromWire(String value) {
        return WireNames.parse(AskScope.class, value, "invalid-scope", "scope");
    }
}
