package io.verbatim.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.ProblemException;
import java.util.Locale;

/** Whether a tenant's objects share the platform bucket (under a prefix) or get a bucket of their own. */
public enum StorageMode {
    SHARED, DEDICATED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StorageMode fromWire(String value) {
        for (StorageMode mode : values()) {
            if (mode.wire().equals(value)) {
                return mode;
            }
        }
        throw ProblemException.badRequest("invalid-storage-mode", "storage_mode must be 'shared' or 'dedicated', not '" + value + "'");
    }
}
