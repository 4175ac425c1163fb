package io.verbatim.contacts.internal;

import io.verbatim.contacts.ContactBackfill;
import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.TimelineItem;
import io.verbatim.identity.AuditLog;
import io.verbatim.platform.Page;
import io.verbatim.tenancy.TenantContext;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/contacts}. Every role of the tenant reads the contact directory (a CSR looks up any caller);
 * executives only read; admins, managers and agents create and change cards; admins and managers merge them.
 * A card's timeline shows only the conversations the caller may see.
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    static final String READ = "hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE', 'AGENT')";
    static final String WRITE = "hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'AGENT')";
    static final String MERGE = "hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')";
    private final ContactDirectory directory;
    private final ContactMerges merges;
    private final ContactTimeline timeline;
    private final ContactBackfill backfill;
    private final AuditLog audit;

    ContactController(ContactDirectory directory, ContactMerges merges, ContactTimeline timeline, ContactBackfill backfill,
                      AuditLog audit) {
        this.directory = directory;
        this.merges = merges;
        this.timeline = timeline;
        this.backfill = backfill;
        this.audit = audit;
    }

    /** A card with everything linked to it. */
    record ContactDetail(ContactCard contact, List<TimelineItem> timeline) {
    }

    record MergeBody(@NotNull UUID duplicateId) {
    }

    record MergeResult(ContactCard contact, UUID merged, boolean alreadyMerged, int conversationsMoved) {
    }

    @GetMapping
    @PreAuthorize(READ)
    Page<ContactCard> list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                           @RequestParam(required = false) Integer limit) {
        return directory.search(q, cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    ContactDetail get(@PathVariable UUID id) {
        ContactCard card = directory.get(id);
        return new ContactDetail(card, timeline.of(card.id()));
    }

    @PostMapping
    @PreAuthorize(WRITE)
    ResponseEntity<ContactCard> create(@RequestBody ContactChange body) {
        ContactCard card = directory.create(body);
        audit.record("contact.created", "contact_card", card.id().toString(), Map.of("source", card.source().wire()));
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/contacts/" + card.id()).body(card);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(WRITE)
    ContactCard update(@PathVariable UUID id, @RequestBody ContactChange body) {
        return directory.update(id, body);
    }

    /** Merges {@code duplicate_id} into this card; repeating it answers the same result. */
    @PostMapping("/{id}/merge")
    @PreAuthorize(MERGE)
    MergeResult merge(@PathVariable UUID id, @Validated @RequestBody MergeBody body) {
        ContactMerges.Merged merged = merges.merge(id, body.duplicateId());
        return new MergeResult(merged.contact(), body.duplicateId(), merged.alreadyMerged(), merged.conversationsMoved());
    }

    /** Links the tenant's conversations that have no card yet (accepted before contact cards existed). */
    @PostMapping("/backfill")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Map<String, Integer> backfill() {
        int linked = backfill.run(TenantContext.require());
        audit.record("contact.backfill", "tenant", TenantContext.require().value(), Map.of("linked", linked));
        return Map.of("linked", linked);
    }
}
