package io.verbatim.appointments;

import java.util.Optional;
import java.util.UUID;

/** Appointments of the current tenant, for other modules (the demo seeds through it); no role scope applied. */
public interface Appointments {

    /**
     * Books an appointment, or returns the one booked earlier with the same idempotency key.
     *
     * @throws io.verbatim.platform.ProblemException 409 {@code appointment-conflict} naming the overlapping appointment
     */
    Appointment book(NewAppointment appointment);

    Optional<Appointment> find(UUID id);

    /**
     * Sets what happened (null fields unchanged): status, outcome and deal value, as the rep does through the API.
     *
     * @throws io.verbatim.platform.ProblemException 404 for an unknown id, 400 for a status or outcome not in the lists
     */
    Appointment record(UUID id, String status, String outcome, java.math.BigDecimal dealValue);

    /** Scheduled appointments created at or after {@code since}, oldest first (for confirmations). */
    java.util.List<Appointment> createdSince(java.time.Instant since, int limit);

    /** Scheduled appointments starting in [from, to), by start (for reminders). */
    java.util.List<Appointment> startingBetween(java.time.Instant from, java.time.Instant to, int limit);
}
