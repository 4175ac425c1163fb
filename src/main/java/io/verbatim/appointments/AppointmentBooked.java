package io.verbatim.appointments;

import java.util.UUID;

/**
 * An appointment was booked (not returned again for a repeated idempotency key); published where the booking is
 * written, so a listener that acts after the commit (a confirmation message) sees the appointment.
 */
public record AppointmentBooked(String tenantId, UUID appointmentId) {
}
