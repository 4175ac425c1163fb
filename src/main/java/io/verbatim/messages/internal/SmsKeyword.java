package io.verbatim.messages.internal;

import io.verbatim.contacts.SmsConsent;
import java.util.Locale;
import java.util.Set;

/**
 * Twilio's standard opt-out, opt-in and help keywords: the whole message, trimmed, in any case. Anything else
 * ("Stop calling me at work", "yes please") is an ordinary text.
 */
enum SmsKeyword {
    STOP(SmsConsent.OPTED_OUT), START(SmsConsent.OPTED_IN), HELP(null), NONE(null);

    private static final Set<String> STOPS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");
    private static final Set<String> STARTS = Set.of("START", "YES", "UNSTOP", "OPTIN");
    private static final Set<String> HELPS = Set.of("HELP", "INFO");
    private final String consentState;

    SmsKeyword(String consentState) {
        this.consentState = consentState;
    }

    /** The state the keyword records, or null (HELP, an ordinary text). */
    String consentState() {
        return consentState;
    }

    static SmsKeyword of(String body) {
        if (body == null) {
            return NONE;
        }
        String word = body.strip().toUpperCase(Locale.ROOT);
        if (STOPS.contains(word)) {
            return STOP;
        }
        if (STARTS.contains(word)) {
            return START;
        }
        return HELPS.contains(word) ? HELP : NONE;
    }
}
