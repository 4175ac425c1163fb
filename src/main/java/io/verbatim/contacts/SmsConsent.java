package io.verbatim.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The SMS consent of one phone number (E.164) of the tenant, or one change of it.
 *
 * @param state     opted_in, opted_out, or unknown (no record: never asked, never refused)
 * @param source    keyword (the person texted STOP or START), manual (a user on the card), import, api
 * @param changedBy the user who recorded it; null for a keyword or the system
 */
public record SmsConsent(String phone, String state, String source, Instant changedAt, UUID changedBy, String note) {

    public static final String OPTED_IN = "opted_in";
    public static final String OPTED_OUT = "opted_out";
    public static final String UNKNOWN = "unknown";
    public static final List<String> STATES = List.of(OPTED_IN, OPTED_OUT);
    public static final List<String> SOURCES = List.of("keyword", "manual", "import", "api");

    /** The state of a number nothing was ever recorded for. */
    public static SmsConsent unknown(String phone) {
        return new SmsConsent(phone, UNKNOWN, null, null, null, null);
    }

    public boolean optedOut() {
        return OPTED_OUT.equals(state);
    }
}
