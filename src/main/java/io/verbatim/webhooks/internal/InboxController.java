package io.verbatim.webhooks.internal;

import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What came in by webhook and what became of it: admins see each event's status and reason, and retry failed ones. */
@RestController
@RequestMapping("/api/v1/inbound-webhooks")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class InboxController {

    private final Inbox inbox;
    private final InboxProcessor processor;

    InboxController(Inbox inbox, InboxProcessor processor) {
        this.inbox = inbox;
        this.processor = processor;
    }

    /** An event without its payload. */
    record EventView(UUID id, String provider, String eventId, String source, String eventType, String status, int attempts,
                     UUID conversationId, boolean duplicate, String error, Instant receivedAt, Instant processedAt,
                     Instant nextAttemptAt) {
        static EventView of(InboxEvent e) {
            boolean waiting = e.status().equals("pending");
            return new EventView(e.id(), e.provider(), e.eventId(), e.source(), e.eventType(), e.status(), e.attempts(),
                    e.conversationId(), e.duplicate(), e.error(), e.receivedAt(), e.processedAt(), waiting ? e.nextAttemptAt() : null);
        }
    }

    @GetMapping
    Page<EventView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String provider,
                         @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        Page<InboxEvent> page = inbox.list(status, provider, cursor, Page.limit(limit));
        return new Page<>(page.items().stream().map(EventView::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    EventView get(@PathVariable UUID id) {
        return inbox.find(id).map(EventView::of).orElseThrow(() -> ProblemException.notFound("Inbound event " + id));
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    EventView retry(@PathVariable UUID id) {
        InboxEvent event = inbox.find(id).orElseThrow(() -> ProblemException.notFound("Inbound event " + id));
        if (!inbox.retry(id)) {
            throw ProblemException.conflict("not-failed", "Only a failed event can be retried; this one is " + event.status());
        }
        processor.kick(TenantContext.require(), id);
        return EventView.of(inbox.find(id).orElseThrow());
    }
}
