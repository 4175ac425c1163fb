package io.verbatim.appointments;

import java.time.Instant;
import java.util.UUID;

/** What booking an appointment takes; the tenant is the caller's. */
public record NewAppointment(UUID contactCardId, UUID salesRepId, UUID bookedById, String serviceType, Instant scheduledStart,
                             Instant scheduledEnd, UUID sourceConversationId, String notes, String idempotencyKey) {
}
