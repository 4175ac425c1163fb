package io.verbatim.csr.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/missed-calls/queue}: the open missed-call queue and its recovery numbers, and closing a queue item
 * by hand (CSRs, managers and admins; executives only read).
 */
@RestController
@RequestMapping("/api/v1/missed-calls/queue")
class MissedCallController {

    static final String READ = "hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE', 'AGENT')";
    static final Set<String> CLOSE_REASONS = Set.of("called_back", "not_a_lead", "spam", "duplicate", "other");
    private final MissedCalls missed;
    private final AuditLog audit;

    MissedCallController(MissedCalls missed, AuditLog audit) {
        this.missed = missed;
        this.audit = audit;
    }

    record Close(String reason, String note) {
    }

    record Closed(UUID conversationId, String reason, boolean alreadyClosed) {
    }

    /**
     * Takes a missed call off the queue without a booking (the caller was called back, was not a lead...). It is not
     * counted as rescued: only a booking rescues, and a later booking still does. Repeating it changes nothing.
     */
    @PostMapping("/{conversationId}/close")
    @PreAuthorize(READ)
    Closed close(@PathVariable UUID conversationId, @RequestBody(required = false) Close body) {
        CsrScope scope = CsrScope.current();
        if (scope.user().role() == Role.EXECUTIVE) {
            throw ProblemException.forbidden("Executives read the missed-call queue; CSRs, managers and admins work it");
        }
        String reason = body == null || body.reason() == null ? "called_back" : body.reason();
        if (!CLOSE_REASONS.contains(reason)) {
            throw ProblemException.badRequest("invalid-reason", "reason must be one of " + CLOSE_REASONS);
        }
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (note != null && note.length() > 2000) {
            throw ProblemException.badRequest("invalid-note", "note must be at most 2000 characters");
        }
        if (!missed.isMissed(conversationId)) {
            throw ProblemException.notFound("Missed call " + conversationId);
        }
        boolean closed = missed.close(conversationId, reason, note, scope.user().userId());
        if (closed) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("reason", reason);
            audit.record("missed_call.closed", "conversation", conversationId.toString(), detail);
        }
        return new Closed(conversationId, reason, !closed);
    }

    record Queue(List<MissedCalls.MissedCall> items, String from, String to) {
    }

    @GetMapping
    @PreAuthorize(READ)
    Queue queue(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer days, @RequestParam(required = false) Integer limit) {
        CsrScope.current();
        Window w = Window.parse(from, to, days);
        int n = limit == null ? 100 : Math.max(1, Math.min(limit, 500));
        return new Queue(missed.open(w, null, n), w.from().toString(), w.to().toString());
    }

    @GetMapping("/metrics")
    @PreAuthorize(READ)
    Map<String, Object> metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) Integer days) {
        CsrScope.current();
        Window w = Window.parse(from, to, days);
        List<MissedCalls.MissedCall> all = missed.all(w, null);
        long auto = all.stream().filter(m -> m.rescuedBy() != null && m.rescuedBy().startsWith("ai_")).count();
        long human = all.stream().filter(m -> "human".equals(m.rescuedBy())).count();
        long closed = all.stream().filter(m -> "closed".equals(m.status())).count();
        return Map.of("from", w.from().toString(), "to", w.to().toString(), "missed_calls_total", all.size(),
                "calls_rescued_by_auto", auto, "calls_rescued_by_humans", human,
                "calls_rescued_by_ai_sms", all.stream().filter(m -> "ai_sms".equals(m.rescuedBy())).count(),
                "calls_rescued_by_ai_voice", all.stream().filter(m -> "ai_voice".equals(m.rescuedBy())).count(),
                "closed_by_hand", closed, "open_queue", all.size() - auto - human - closed);
    }
}
