package io.verbatim.conversations;

import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.WireNames;

/** What the conversation arrived as: audio/video to transcribe, or a transcript made elsewhere. */
public enum InputKind {
    MEDIA, TRANSCRIPT;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }
}
