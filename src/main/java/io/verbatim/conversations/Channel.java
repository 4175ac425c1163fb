package io.verbatim.conversations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.WireNames;

/** Where the conversation happened. */
public enum Channel {
    PHONE, FIELD_VISIT, VIDEO, VOICE_AGENT, CHAT, OTHER;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static Channel fromWire(String value) {
        return WireNames.parse(Channel.class, value, "invalid-channel", "channel");
    }
}
