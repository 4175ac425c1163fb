package io.verbatim.appointments.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.appointments.NewAppointment;
import io.verbatim.conversations.Conversations;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/appointments}: book, list, read with the contact card and call insights, change status and outcome. */
@RestController
@RequestMapping("/api/v1/appointments")
class AppointmentController {

    private final AppointmentBooking booking;
    private final AppointmentStore store;
    private final AppointmentDetails details;
    private final Conversations conversations;

    AppointmentController(AppointmentBooking booking, AppointmentStore store, AppointmentDetails details,
                          Conversations conversations) {
        this.booking = booking;
        this.store = store;
        this.details = details;
        this.conversations = conversations;
    }

    record BookRequest(UUID contactCardId, UUID salesRepId, UUID bookedById, String serviceType, Instant scheduledStart,
                       Instant scheduledEnd, UUID sourceConversationId, String notes) {
    }

    /** Null fields stay as they are; moving the times is checked against the rep's other appointments. */
    record PatchRequest(String status, String outcome, BigDecimal dealValue, Instant scheduledStart, Instant scheduledEnd) {
    }

    @PostMapping
    ResponseEntity<AppointmentDetails.Detail> book(@RequestBody BookRequest body,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        AppointmentScope scope = AppointmentScope.current();
        scope.requireBooker();
        if (body == null) {
            throw ProblemException.badRequest("invalid-appointment", "A JSON body is required");
        }
        // A CSR books as themselves; managers and admins may name the CSR who booked.
        UUID bookedBy = scope.csr() || body.bookedById() == null ? scope.me() : body.bookedById();
        if (body.sourceConversationId() != null) {
            conversations.getVisible(body.sourceConversationId());
        }
        if (key != null) {
            var earlier = store.findByIdempotencyKey(key);
            if (earlier.isPresent()) {
                return ResponseEntity.ok(details.of(earlier.get()));
            }
        }
        Appointment a = booking.book(new NewAppointment(body.contactCardId(), body.salesRepId(), bookedBy, body.serviceType(),
                body.scheduledStart(), body.scheduledEnd(), body.sourceConversationId(), body.notes(), key));
        return ResponseEntity.status(HttpStatus.CREATED).body(details.of(a));
    }

    @GetMapping
    Page<Appointment> list(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                           @RequestParam(name = "sales_rep_id", required = false) UUID rep,
                           @RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                           @RequestParam(required = false) Integer limit) {
        AppointmentScope scope = AppointmentScope.current();
        int n = Page.limit(limit);
        if (status != null && !Appointment.STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid-status", "status must be one of " + Appointment.STATUSES);
        }
        List<Appointment> rows = store.between(scope.predicate(), scope.me(), rep, from, to, status, Page.decode(cursor), n + 1);
        return Page.of(rows, n, a -> a.scheduledStart() + "|" + a.id());
    }

    @GetMapping("/{id}")
    AppointmentDetails.Detail get(@PathVariable UUID id) {
        return details.of(visible(id));
    }

    @PatchMapping("/{id}")
    AppointmentDetails.Detail patch(@PathVariable UUID id, @RequestBody PatchRequest body) {
        Appointment a = visible(id);
        AppointmentScope.current().requireUpdater(a);
        if (body == null) {
            throw ProblemException.badRequest("invalid-appointment", "A JSON body is required");
        }
        return details.of(booking.update(a, body.status(), body.outcome(), body.dealValue(), body.scheduledStart(),
                body.scheduledEnd()));
    }

    /** An appointment the caller may see; any other is "not found", exactly like another tenant's. */
    private Appointment visible(UUID id) {
        AppointmentScope scope = AppointmentScope.current();
        return store.find(id).filter(scope::sees).orElseThrow(() -> ProblemException.notFound("Appointment " + id));
    }
}
