package io.verbatim.campaigns;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.ProblemException;
import java.util.Locale;

public enum CampaignStatus {
    DRAFT, ACTIVE, CLOSED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CampaignStatus fromWire(String value) {
        for (CampaignStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw ProblemException.badRequest("invalid-campaign-status", "Unknown campaign status '" + value + "'; use draft, active or closed");
    }
}
