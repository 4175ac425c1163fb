package io.verbatim.messages;

import java.util.UUID;

/** What sending a message takes; the tenant is the caller's. {@code subject} is for e-mail only. */
public record NewMessage(String channel, String to, String subject, String body, String purpose, UUID appointmentId,
                         UUID contactCardId, UUID createdBy) {
}
