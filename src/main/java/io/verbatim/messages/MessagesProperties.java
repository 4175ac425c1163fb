package io.verbatim.messages;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code verbatim.messages.*}.
 *
 * @param twilioBaseUrl   Twilio's REST API; a tenant's {@code twilio} credential may override it with {@code api_base_url}
 * @param smsCredential   the credential with {@code account_sid}, {@code auth_token} and {@code from_number}
 * @param emailCredential the credential with {@code host}, {@code port}, {@code username}, {@code password}, {@code from}
 * @param timeout         how long a provider may take to accept one message
 * @param appointmentScanInterval how often appointments are scanned for confirmations and reminders due
 * @param retryBackoff    waits before the 2nd, 3rd... try of a failed confirmation or reminder (retried on the scan);
 *                        after the last one the message stays failed
 */
@ConfigurationProperties("verbatim.messages")
public record MessagesProperties(@DefaultValue("https://api.twilio.com") String twilioBaseUrl,
                                 @DefaultValue("twilio") String smsCredential, @DefaultValue("smtp") String emailCredential,
                                 @DefaultValue("15s") Duration timeout,
                                 @DefaultValue("1m") Duration appointmentScanInterval,
                                 @DefaultValue({"1m", "5m", "30m", "2h"}) java.util.List<Duration> retryBackoff) {

    /** Tries in all for a confirmation or reminder: the first plus one per backoff step. */
    public int maxAttempts() {
        return retryBackoff.size() + 1;
    }

    /** The wait after the {@code attempts}-th failed try, or null when that was the last one. */
    public Duration backoffAfter(int attempts) {
        return attempts >= 1 && attempts <= retryBackoff.size() ? retryBackoff.get(attempts - 1) : null;
    }
}
