package io.verbatim.ask.internal;

import io.verbatim.ask.Answer;
import io.verbatim.ask.Ask;
import io.verbatim.ask.AskFilters;
import io.verbatim.ask.AskIndex;
import io.verbatim.ask.AskScope;
import io.verbatim.ask.Question;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.platform.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Questions across (or about one of) the caller's conversations, and the admin's index rebuild. */
@RestController
@RequestMapping("/api/v1/ask")
class AskController {

    private final Ask ask;
    private final AskIndex index;
    private final FeatureFlags flags;

    AskController(Ask ask, AskIndex index, FeatureFlags flags) {
        this.ask = ask;
        this.index = index;
        this.flags = flags;
    }

    /**
     * {@code scope}: self | team | company (default: the widest the role allows). {@code callId} is another name of
     * {@code conversationId} (issue 13 calls it {@code call_id}).
     */
    record AskRequest(String question, String scope, AskFilters filters, String conversationId, String contactCardId,
                      String appointmentId, String callId) {
    }

    @PostMapping
    public Answer ask(@RequestBody AskRequest request) {
        flags.require(FlagKeys.ASK);
        AskScope scope = request.scope() == null || request.scope().isBlank() ? null : AskScope.fromWire(request.scope());
        UUID conversation = id(request.conversationId(), "conversation_id");
        UUID call = id(request.callId(), "call_id");
        if (conversation != null && call != null && !conversation.equals(call)) {
            throw ProblemException.badRequest("validation", "call_id and conversation_id name the same thing: give one");
        }
        conversation = conversation != null ? conversation : call;
        UUID card = id(request.contactCardId(), "contact_card_id");
        UUID appointment = id(request.appointmentId(), "appointment_id");
        if ((conversation != null ? 1 : 0) + (card != null ? 1 : 0) + (appointment != null ? 1 : 0) > 1) {
            throw ProblemException.badRequest("validation", "Give one of conversation_id, contact_card_id and appointment_id");
        }
        Question.About about = card != null ? new Question.About("contact_card_id", card)
                : appointment != null ? new Question.About("appointment_id", appointment) : null;
        return ask.ask(new Question(request.question(), scope, request.filters(), conversation, about));
    }

    private static UUID id(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("validation", field + " must be an id");
        }
    }

    /** Rebuilds the tenant's index from the database in the background; poll {@code GET} for progress. */
    @PostMapping("/reindex")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    public ResponseEntity<AskIndex.RebuildStatus> reindex() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(index.rebuild());
    }

    @GetMapping("/reindex")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    public AskIndex.RebuildStatus reindexStatus() {
        return index.status();
    }
}
