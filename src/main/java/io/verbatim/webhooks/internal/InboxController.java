package io.verbatim.webhooks.internal;

import io.verbatim.identity.AuditLog;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.time.Instant;
import java.util.Map;
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
    private final AuditLog audit;

    InboxController(Inbox inbox, InboxProcessor processor, AuditLog audit) {
        this.inbox = inbox;
        this.processor = processor;
        this.audit = audit;
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

    /** The body exactly as the provider sent it (the payload view of the delivery log). */
    @GetMapping("/{id}/payload")
    org.springframework.http.ResponseEntity<byte[]> payload(@PathVariable UUID id) {
        InboxEvent event = inbox.find(id).orElseThrow(() -> ProblemException.notFound("Inbound event " + id));
        String type = event.contentType() == null ? "application/octet-stream" : event.contentType();
        return org.springframework.http.ResponseEntity.ok().header("Content-Type", type)
                .header("X-Content-Type-Options", "nosniff").header("Content-Disposition", "inline").body(event.payload());
    }

    /** Processes a done, ignored or failed event again; a replay never makes a second conversation for the same call. */
    @PostMapping("/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    EventView replay(@PathVariable UUID id) {
        InboxEvent event = inbox.find(id).orElseThrow(() -> ProblemException.notFound("Inbound event " + id));
        if (!inbox.replay(id)) {
            throw ProblemException.conflict("event-in-flight", "The event is " + event.status() + "; replay it once it has finished");
        }
        audit.record("inbound_webhook.replayed", "inbound_webhook", id.toString(), Map.of("provider", event.provider(),
                "event_id", event.eventId()));
        processor.kick(TenantContext.require(), id);
        return EventView.of(inbox.find(id).orElseThrow());
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
