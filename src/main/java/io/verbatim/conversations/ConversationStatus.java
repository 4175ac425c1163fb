package io.verbatim.conversations;

import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.WireNames;

public enum ConversationStatus {
    RECEIVED, PROCESSING, COMPLETED, FAILED;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    public static ConversationStatus fromWire(String value) {
        return WireNames.parse(ConversationStatus.class, value, "invalid-status", "status");
    }
}
