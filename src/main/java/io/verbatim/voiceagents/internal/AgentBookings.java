package io.verbatim.voiceagents.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.appointments.Appointments;
import io.verbatim.appointments.AppointmentsProperties;
import io.verbatim.appointments.NewAppointment;
import io.verbatim.conversations.AnalysisUpdated;
import io.verbatim.conversations.Conversations;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Books what a voice agent booked in a call: once the call's analysis is committed, the booking tool call (else the
 * platform's structured data) becomes an appointment that references the tenant's service (matched by name or synonym;
 * its duration is the service's), through the appointments module and its conflict check, with the first active sales
 * rep free at that time. An unknown service is booked without one and flagged; a call is booked once (idempotency key
 * {@code voice-agent:<conversation>}), so a re-analysis or replay never books twice.
 */
@Component
class AgentBookings {

    private static final Logger log = LoggerFactory.getLogger(AgentBookings.class);
    private static final int REPS = 200;
    private final AgentBookingStore store;
    private final ServiceCatalogue catalogue;
    private final Conversations conversations;
    private final Appointments appointments;
    private final Users users;
    private final AppointmentsProperties properties;
    private final JsonMapper json;

    AgentBookings(AgentBookingStore store, ServiceCatalogue catalogue, Conversations conversations, Appointments appointments,
                  Users users, AppointmentsProperties properties, JsonMapper json) {
        this.store = store;
        this.catalogue = catalogue;
        this.conversations = conversations;
        this.appointments = appointments;
        this.users = users;
        this.properties = properties;
        this.json = json;
    }

    /**
     * After the analysis commits, on a thread of its own: each booking attempt is a transaction of its own (a slot taken
     * must not roll back the analysis), and the committing thread still holds the analysis' transaction resources.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AnalysisUpdated event) {
        Thread booking = Thread.ofVirtual().name("agent-booking").start(() -> TenantContext.runAs(TenantId.of(event.tenantId()), () -> {
            try {
                book(event.conversationId());
            } catch (RuntimeException e) {
                log.warn("Agent booking of conversation {} failed: {}", event.conversationId(), e.toString());
            }
        }));
        try {
            booking.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void book(UUID conversationId) {
        Optional<AgentBookingStore.CallFacts> found = store.call(conversationId);
        if (found.isEmpty() || store.find(conversationId).map(b -> "booked".equals(b.status())).orElse(false)) {
            return;
        }
        AgentBookingStore.CallFacts call = found.get();
        Optional<BookingRequests.Request> request = conversations.transcript(conversationId)
                .flatMap(t -> BookingRequests.fromToolCalls(t.turns(), json, properties.zone()));
        if (request.isEmpty() && ("booked".equals(call.bookingStatus())
                || "booked".equals(String.valueOf(call.structuredData().get("booking_status"))))) {
            request = Optional.of(BookingRequests.fromAnalysis(call.structuredData(), properties.zone()));
        }
        if (request.isEmpty()) {
            return;
        }
        BookingRequests.Request r = request.get();
        Optional<Service> service = ServiceMatcher.match(catalogue.list(true), r.service());
        List<String> flags = new ArrayList<>();
        if (service.isEmpty()) {
            flags.add(r.service() == null ? "no_service_named" : "unknown_service");
        }
        if (r.start() == null) {
            store.save(conversationId, null, service.map(Service::id).orElse(null), r, "no_time", flags,
                    "the call named no appointment time that could be read", null, null);
            return;
        }
        Instant end = service.map(s -> r.start().plus(Duration.ofMinutes(s.durationMinutes())))
                .or(() -> Optional.ofNullable(r.end()).filter(e -> e.isAfter(r.start())))
                .or(() -> Optional.ofNullable(r.durationMinutes()).filter(m -> m > 0).map(m -> r.start().plus(Duration.ofMinutes(m))))
                .orElse(r.start().plus(properties.defaultDuration()));
        String serviceType = service.map(Service::name).orElse(r.service());
        String notes = "Booked by voice agent " + (call.assistantName() == null ? "" : call.assistantName() + " ")
                + "in call " + call.callId() + (service.isEmpty() ? " (service not in the catalogue: " + r.service() + ")" : "");
        List<User> reps = users.list(new Users.UserFilter(Role.AGENT, null, null, true), null, REPS).items().stream()
                .filter(u -> u.agentKind() == AgentKind.SALES_REP).toList();
        if (reps.isEmpty()) {
            store.save(conversationId, null, service.map(Service::id).orElse(null), r, "no_sales_rep", flags,
                    "the tenant has no active sales rep to book", r.start(), end);
            return;
        }
        String status = "conflict";
        String detail = "every sales rep is booked at that time";
        for (User rep : reps) {
            try {
                Appointment a = appointments.book(new NewAppointment(call.contactCardId(), rep.id(), null, serviceType, r.start(), end,
                        conversationId, notes, "voice-agent:" + conversationId));
                store.save(conversationId, a.id(), service.map(Service::id).orElse(null), r, "booked", flags, null,
                        a.scheduledStart(), a.scheduledEnd());
                return;
            } catch (ProblemException e) {
                if (!"appointment-conflict".equals(e.type()) && !e.type().endsWith("appointment-conflict")) {
                    status = "invalid";
                    detail = e.getMessage();
                    break;
                }
            }
        }
        store.save(conversationId, null, service.map(Service::id).orElse(null), r, status, flags, detail, r.start(), end);
    }
}
