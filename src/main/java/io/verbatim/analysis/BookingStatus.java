package io.verbatim.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an appointment (visit, estimate, clinic or branch appointment) is booked at the end. */
public enum BookingStatus {
    BOOKED, NOT_BOOKED, SERVICE_NOT_OFFERED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
