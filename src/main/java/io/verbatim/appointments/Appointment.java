package io.verbatim.appointments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One booked visit of a sales rep.
 *
 * @param bookedById           the CSR (or other user) who booked it; null when booked by a machine
 * @param status               scheduled, completed, no_show or cancelled
 * @param outcome              closed_won, closed_lost or open
 * @param sourceConversationId the call in which it was booked, when known
 */
public record Appointment(UUID id, UUID contactCardId, UUID salesRepId, UUID bookedById, String serviceType,
                          Instant scheduledStart, Instant scheduledEnd, String status, String outcome, BigDecimal dealValue,
                          UUID sourceConversationId, String notes, Instant createdAt, Instant updatedAt) {

    public static final java.util.List<String> STATUSES = java.util.List.of("scheduled", "completed", "no_show", "cancelled");
    public static final java.util.List<String> OUTCOMES = java.util.List.of("closed_won", "closed_lost", "open");
}
