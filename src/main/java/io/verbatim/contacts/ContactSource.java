package io.verbatim.contacts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.ProblemException;
import java.util.Locale;

/** Where a contact card came from (the {@code source} column). */
public enum ContactSource {
    CALLRAIL, MANUAL, AUTO_AI, IMPORT, VERBATIM;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ContactSource fromWire(String value) {
        for (ContactSource source : values()) {
            if (source.wire().equals(value)) {
                return source;
            }
        }
        throw ProblemException.badRequest("invalid-contact-source",
                "source must be one of callrail, manual, auto_ai, import, verbatim; not '" + value + "'");
    }

    /** The card source for a conversation's ingest source ({@code callrail} webhooks keep theirs; the rest is ours). */
    public static ContactSource forIngestSource(String ingestSource) {
        if (ingestSource != null && ingestSource.toLowerCase(Locale.ROOT).contains("callrail")) {
            return CALLRAIL;
        }
        if (ingestSource != null && ingestSource.toLowerCase(Locale.ROOT).contains("import")) {
            return IMPORT;
        }
        return VERBATIM;
    }
}
