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
 */
@ConfigurationProperties("verbatim.messages")
public record MessagesProperties(@DefaultValue("https://api.twilio.com") String twilioBaseUrl,
                                 @DefaultValue("twilio") String smsCredential, @DefaultValue("smtp") String emailCredential,
                                 @DefaultValue("15s") Duration timeout,
                                 @DefaultValue("1m") Duration appointmentScanInterval) {
}
