package io.verbatim.messages.internal;

import java.util.Locale;

/** Twilio's message statuses folded into ours (queued, sent, delivered, failed, undelivered). */
final class TwilioStatuses {

    private TwilioStatuses() {
    }

    static String ours(String twilio) {
        return switch (twilio == null ? "" : twilio.toLowerCase(Locale.ROOT)) {
            case "sending", "sent" -> "sent";
            case "delivered", "read" -> "delivered";
            case "undelivered" -> "undelivered";
            case "failed", "canceled" -> "failed";
            default -> "queued";
        };
    }
}
