package io.verbatim.messages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One outbound message as logged.
 *
 * @param to         a phone number (E.164) for SMS, an address for e-mail
 * @param purpose    manual, confirmation or reminder
 * @param providerId Twilio's message SID, or the e-mail's Message-ID
 * @param status     queued, sent, delivered, failed or undelivered
 * @param error      why it failed, as the provider said it (never a credential)
 */
public record Message(UUID id, String channel, String to, String subject, String body, String purpose, UUID appointmentId,
                      UUID contactCardId, String providerId, String status, String error, UUID createdBy, Instant createdAt,
                      Instant sentAt, Instant updatedAt) {

    public static final List<String> CHANNELS = List.of("sms", "email");
    public static final List<String> STATUSES = List.of("queued", "sent", "delivered", "failed", "undelivered");
}
