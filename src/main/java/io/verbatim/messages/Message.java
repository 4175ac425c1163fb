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
 * @param status     queued, sent, delivered, failed, undelivered, or not_sent (no provider configured for the channel)
 * @param error      why it failed, as the provider said it (never a credential), or why it was not sent
 * @param attempts   how many times it was handed (or was to be handed) to the provider
 * @param nextAttemptAt when a failed confirmation or reminder is tried again by itself, or when a text held for quiet
 *                      hours (still queued) goes; null when neither
 * @param direction  outbound (sent by us) or inbound (a text the contact sent, status received)
 * @param from       the sender's number of an inbound text; null for an outbound one
 */
public record Message(UUID id, String channel, String to, String subject, String body, String purpose, UUID appointmentId,
                      UUID contactCardId, String providerId, String status, String error, UUID createdBy, Instant createdAt,
                      Instant sentAt, Instant updatedAt, int attempts, Instant nextAttemptAt, String direction,
                      String from) {

    public static final List<String> CHANNELS = List.of("sms", "email");
    public static final List<String> STATUSES = List.of("queued", "sent", "delivered", "failed", "undelivered", "not_sent", "received");
}
