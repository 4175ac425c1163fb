package io.verbatim.voiceagents.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lead scores of voice-agent callers, each factor's contribution included, and the "call back first" list. Tenant-wide,
 * so the roles that see the whole tenant read them (admin, manager, executive); admins and managers mark a caller as
 * called back. An agent does not see them.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE')")
class LeadScoreController {

    private final LeadScores scores;
    private final AuditLog audit;

    LeadScoreController(LeadScores scores, AuditLog audit) {
        this.scores = scores;
        this.audit = audit;
    }

    /** Every scored caller, best first; {@code contact_card_id} narrows to one contact's score. */
    @GetMapping("/api/v1/lead-scores")
    Page<LeadScores.LeadScore> list(@RequestParam(name = "limit", required = false) Integer limit,
                                    @RequestParam(name = "contact_card_id", required = false) UUID contact) {
        if (contact != null) {
            return new Page<>(scores.ofContact(contact).map(List::of).orElse(List.of()), null);
        }
        return new Page<>(scores.all(Page.limit(limit)), null);
    }

    @GetMapping("/api/v1/lead-scores/{id}")
    LeadScores.LeadScore get(@PathVariable UUID id) {
        return scores.find(id).orElseThrow(() -> ProblemException.notFound("Lead score " + id));
    }

    /** Callers not yet booked nor called back since their last call, best score first. */
    @GetMapping("/api/v1/call-back-first")
    Page<LeadScores.LeadScore> callBackFirst(@RequestParam(name = "limit", required = false) Integer limit) {
        return new Page<>(scores.callBackFirst(Page.limit(limit)), null);
    }

    /** Someone called this caller back: off the list until they call again. */
    @PostMapping("/api/v1/lead-scores/{id}/called-back")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    LeadScores.LeadScore calledBack(@PathVariable UUID id) {
        LeadScores.LeadScore s = scores.markCalledBack(id, CurrentUser.require().userId())
                .orElseThrow(() -> ProblemException.notFound("Lead score " + id));
        audit.record("lead.called_back", "lead_score", id.toString(), Map.of("score", s.score()));
        return s;
    }
}
