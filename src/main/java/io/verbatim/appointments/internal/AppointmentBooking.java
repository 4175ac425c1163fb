package io.verbatim.appointments.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.appointments.AppointmentBooked;
import io.verbatim.appointments.Appointments;
import io.verbatim.appointments.NewAppointment;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.ProblemException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Books and reschedules appointments. The database decides double bookings (the exclusion constraint), so two
 * concurrent bookings of one slot cannot both succeed; the loser gets 409 naming the appointment that holds the slot.
 */
@Service
class AppointmentBooking implements Appointments {

    /** PostgreSQL's exclusion_violation. */
    private static final String EXCLUSION_VIOLATION = "23P01";
    private final AppointmentStore store;
    private final Users users;
    private final ContactLinks contacts;
    private final ApplicationEventPublisher events;

    AppointmentBooking(AppointmentStore store, Users users, ContactLinks contacts, ApplicationEventPublisher events) {
        this.store = store;
        this.users = users;
        this.contacts = contacts;
        this.events = events;
    }

    @Override
    public Appointment book(NewAppointment n) {
        if (n.idempotencyKey() != null) {
            if (n.idempotencyKey().length() > 255) {
                throw ProblemException.badRequest("invalid-idempotency-key", "Idempotency-Key must be at most 255 characters");
            }
            Optional<Appointment> earlier = store.findByIdempotencyKey(n.idempotencyKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        validate(n);
        try {
            Appointment booked = store.insert(n);
            events.publishEvent(new AppointmentBooked(io.verbatim.tenancy.TenantContext.require().value(), booked.id()));
            return booked;
        } catch (DataIntegrityViolationException e) {
            if (isExclusionViolation(e)) {
                throw conflict(n.salesRepId(), n.scheduledStart(), n.scheduledEnd(), null);
            }
            if (n.idempotencyKey() != null) {
                // A concurrent request with the same key won: answer with its appointment.
                Optional<Appointment> earlier = store.findByIdempotencyKey(n.idempotencyKey());
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
    }

    @Override
    public Optional<Appointment> find(UUID id) {
        return store.find(id);
    }

    @Override
    public Appointment record(UUID id, String status, String outcome, BigDecimal dealValue) {
        Appointment a = store.find(id).orElseThrow(() -> ProblemException.notFound("Appointment " + id));
        return update(a, status, outcome, dealValue, null, null);
    }

    @Override
    public java.util.List<Appointment> createdSince(Instant since, int limit) {
        return store.createdSince(since, limit);
    }

    @Override
    public java.util.List<Appointment> startingBetween(Instant from, Instant to, int limit) {
        return store.between("TRUE", null, null, from, to, "scheduled", null, limit);
    }

    /** Applies a patch (null fields unchanged); moving an appointment onto another of the rep's is refused with 409. */
    Appointment update(Appointment a, String status, String outcome, BigDecimal dealValue, Instant start, Instant end) {
        if (status != null && !Appointment.STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid-appointment", "status must be one of " + Appointment.STATUSES);
        }
        if (outcome != null && !Appointment.OUTCOMES.contains(outcome)) {
            throw ProblemException.badRequest("invalid-appointment", "outcome must be one of " + Appointment.OUTCOMES);
        }
        if (dealValue != null && dealValue.signum() < 0) {
            throw ProblemException.badRequest("invalid-appointment", "deal_value must not be negative");
        }
        Instant newStart = start != null ? start : a.scheduledStart();
        Instant newEnd = end != null ? end : a.scheduledEnd();
        if (!newEnd.isAfter(newStart)) {
            throw ProblemException.badRequest("invalid-appointment", "scheduled_end must be after scheduled_start");
        }
        try {
            return store.update(a.id(), status, outcome, dealValue, start, end)
                    .orElseThrow(() -> ProblemException.notFound("Appointment " + a.id()));
        } catch (DataIntegrityViolationException e) {
            if (isExclusionViolation(e)) {
                throw conflict(a.salesRepId(), newStart, newEnd, a.id());
            }
            throw e;
        }
    }

    private void validate(NewAppointment n) {
        if (n.salesRepId() == null || n.scheduledStart() == null || n.scheduledEnd() == null) {
            throw ProblemException.badRequest("invalid-appointment", "sales_rep_id, scheduled_start and scheduled_end are required");
        }
        if (!n.scheduledEnd().isAfter(n.scheduledStart())) {
            throw ProblemException.badRequest("invalid-appointment", "scheduled_end must be after scheduled_start");
        }
        User rep = users.find(n.salesRepId()).orElse(null);
        if (rep == null || !rep.active() || rep.role() != Role.AGENT || rep.agentKind() != AgentKind.SALES_REP) {
            throw ProblemException.badRequest("invalid-sales-rep", "sales_rep_id " + n.salesRepId()
                    + " is not an active sales rep of this tenant");
        }
        if (n.contactCardId() != null && !contacts.exists(n.contactCardId())) {
            throw ProblemException.badRequest("invalid-contact", "Contact card " + n.contactCardId() + " was not found");
        }
    }

    private ProblemException conflict(UUID rep, Instant start, Instant end, UUID except) {
        Optional<Appointment> holder = store.overlapping(rep, start, end, except);
        Map<String, Object> properties = new LinkedHashMap<>();
        holder.ifPresent(h -> {
            properties.put("conflicting_appointment_id", h.id().toString());
            properties.put("conflicting_start", h.scheduledStart().toString());
            properties.put("conflicting_end", h.scheduledEnd().toString());
        });
        return new ProblemException(HttpStatus.CONFLICT, "appointment-conflict", "Sales rep already booked",
                "The sales rep already has appointment " + holder.map(h -> h.id().toString()).orElse("(since moved)")
                        + " at that time", properties);
    }

    static boolean isExclusionViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
