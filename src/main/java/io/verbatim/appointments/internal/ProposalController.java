package io.verbatim.appointments.internal;

import io.verbatim.appointments.AppointmentsProperties;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.PiiAccess;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Users;
import io.verbatim.platform.ProblemException;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/conversations/{id}/proposed-appointment}: the appointment a booked call proposes, pre-filled from
 * what was agreed (contact, the CSR, the service asked about, the time said in the call with the turn it came from).
 * Nothing is booked until the proposal is posted to {@code /api/v1/appointments} with a sales rep.
 */
@RestController
class ProposalController {

    private final Conversations conversations;
    private final ConversationAnalyses analyses;
    private final ContactLinks contacts;
    private final Users users;
    private final PiiAccess pii;
    private final AppointmentsProperties properties;

    ProposalController(Conversations conversations, ConversationAnalyses analyses, ContactLinks contacts, Users users,
                       PiiAccess pii, AppointmentsProperties properties) {
        this.conversations = conversations;
        this.analyses = analyses;
        this.contacts = contacts;
        this.users = users;
        this.pii = pii;
        this.properties = properties;
    }

    /** @param timeEvidence the turn and words the time was read from; null when the call named no time */
    record Proposal(UUID sourceConversationId, UUID contactCardId, UUID bookedById, UUID salesRepId, String serviceType,
                    Instant scheduledStart, Instant scheduledEnd, String bookingStatus, String summary, Evidence timeEvidence) {
    }

    record Evidence(int turn, String quote) {
    }

    @GetMapping("/api/v1/conversations/{id}/proposed-appointment")
    Proposal propose(@PathVariable UUID id) {
        AppointmentScope.current().requireReader();
        Conversation c = conversations.getVisible(id);
        var call = analyses.find(id).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "not-analysed",
                "Not analysed", "Conversation " + id + " has not been analysed yet")).call();
        String booking = call.path("booking_status").isString() ? call.get("booking_status").asString() : null;
        if (!"booked".equals(booking)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "no-appointment-agreed", "No appointment agreed",
                    "The analysis of conversation " + id + " found no booking (booking_status: " + booking + ")");
        }
        Instant callStart = c.startedAt() != null ? c.startedAt() : c.createdAt();
        AgreedTime.Slot slot = transcript(id).map(t -> AgreedTime.find(t.turns().stream()
                        .map(turn -> new AgreedTime.Line(turn.speaker() == Speaker.AGENT, turn.text())).toList(),
                callStart, properties.zone(), properties.defaultDuration())).orElse(null);
        UUID csr = c.agent() == null || c.agent().userId() == null ? null
                : users.find(c.agent().userId()).filter(u -> u.agentKind() == AgentKind.CSR).map(u -> u.id()).orElse(null);
        return new Proposal(id, contacts.ofConversation(c).orElse(null), csr, null,
                call.path("call_reason").isString() ? call.get("call_reason").asString() : null,
                slot == null ? null : slot.start(), slot == null ? null : slot.end(), booking,
                call.path("summary").isString() ? call.get("summary").asString() : null,
                slot == null ? null : new Evidence(slot.turn(), slot.quote()));
    }

    private java.util.Optional<Transcript> transcript(UUID id) {
        return pii.callerSeesPii() ? conversations.transcript(id) : conversations.redactedTranscript(id);
    }
}
