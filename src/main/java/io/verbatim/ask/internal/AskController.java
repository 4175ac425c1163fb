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

    /** {@code scope}: self | team | company (default: the widest the role allows). */
    record AskRequest(String question, String scope, AskFilters filters, String conversationId) {
    }

    @PostMapping
    public Answer ask(@RequestBody AskRequest request) {
        flags.require(FlagKeys.ASK);
        AskScope scope = request.scope() == null || request.scope().isBlank() ? null : AskScope.fromWire(request.scope());
        UUID conversation = null;
        if (request.conversationId() != null && !request.conversationId().isBlank()) {
            try {
                conversation = UUID.fromString(request.conversationId().strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("validation", "conversation_id must be a conversation id");
            }
        }
        return ask.ask(new Question(request.question(), scope, request.filters(), conversation));
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
