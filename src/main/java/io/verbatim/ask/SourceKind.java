package io.verbatim.ask;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a retrieval source is: a conversation's transcript or a library document. */
public enum SourceKind {
    CONVERSATION, DOCUMENT;

    /** The wire and database name: {@code conversation}, {@code document}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
