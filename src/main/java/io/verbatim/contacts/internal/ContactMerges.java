package io.verbatim.contacts.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactsMerged;
import io.verbatim.identity.AuditLog;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merging a duplicate card into a survivor: the survivor keeps its values and takes the duplicate's where it has
 * none (its phones become secondary numbers), every child is repointed (conversations here, other modules' rows in
 * their {@link ContactsMerged} listeners), the duplicate stays as a pointer, and the merge is audited. Merging
 * again is a no-op that answers the same survivor.
 */
@Service
public class ContactMerges {

    private final JdbcClient jdbc;
    private final ContactCardRows rows;
    private final ContactDirectory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ContactMerges(JdbcClient jdbc, JsonMapper json, ContactDirectory directory, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rows = new ContactCardRows(json);
        this.directory = directory;
        this.audit = audit;
        this.events = events;
    }

    public record Merged(ContactCard contact, boolean alreadyMerged, int conversationsMoved) {
    }

    @Transactional
    public Merged merge(UUID survivorId, UUID duplicateId) {
        if (survivorId.equals(duplicateId)) {
            throw ProblemException.badRequest("merge-into-itself", "A contact card cannot be merged into itself");
        }
        String tenant = TenantContext.require().value();
        // both rows locked in id order, so two opposite merges cannot deadlock or both succeed
        List<ContactCard> locked = jdbc.sql("SELECT * FROM contact_card WHERE tenant_id = ? AND id IN (?, ?) ORDER BY id FOR UPDATE")
                .params(tenant, survivorId, duplicateId).query(rows).list();
        ContactCard survivor = locked.stream().filter(c -> c.id().equals(survivorId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Contact " + survivorId));
        ContactCard duplicate = locked.stream().filter(c -> c.id().equals(duplicateId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Contact " + duplicateId));
        if (survivorId.equals(duplicate.mergedInto())) {
            return new Merged(directory.get(survivorId), true, 0);
        }
        if (survivor.mergedInto() != null) {
            throw ProblemException.conflict("contact-merged", "Contact " + survivorId + " was itself merged into "
                    + survivor.mergedInto() + "; merge into that one");
        }
        if (duplicate.mergedInto() != null) {
            throw ProblemException.conflict("contact-merged", "Contact " + duplicateId + " was already merged into "
                    + duplicate.mergedInto());
        }
        // the duplicate leaves the unique indexes first, so the survivor can take its e-mail and phone
        jdbc.sql("UPDATE contact_card SET merged_into = ?, updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(survivorId, tenant, duplicateId).update();
        jdbc.sql("UPDATE contact_card SET merged_into = ? WHERE tenant_id = ? AND merged_into = ?")
                .params(survivorId, tenant, duplicateId).update();
        jdbc.sql("""
                UPDATE contact_card s SET
                    primary_phone = coalesce(s.primary_phone, d.primary_phone),
                    secondary_phones = ARRAY(SELECT DISTINCT p FROM unnest(s.secondary_phones || d.secondary_phones
                            || CASE WHEN d.primary_phone IS NULL THEN '{}'::text[] ELSE ARRAY[d.primary_phone] END) p
                        WHERE p IS DISTINCT FROM coalesce(s.primary_phone, d.primary_phone) ORDER BY p),
                    email = coalesce(s.email, d.email), first_name = coalesce(s.first_name, d.first_name),
                    last_name = coalesce(s.last_name, d.last_name), full_name = coalesce(s.full_name, d.full_name),
                    address_line1 = coalesce(s.address_line1, d.address_line1),
                    address_line2 = coalesce(s.address_line2, d.address_line2), city = coalesce(s.city, d.city),
                    state = coalesce(s.state, d.state), zip = coalesce(s.zip, d.zip), country = coalesce(s.country, d.country),
                    property = d.property || s.property,
                    last_call_summary = coalesce(s.last_call_summary, d.last_call_summary),
                    primary_intent = coalesce(s.primary_intent, d.primary_intent),
                    risks = ARRAY(SELECT DISTINCT r FROM unnest(s.risks || d.risks) r ORDER BY r),
                    tags = ARRAY(SELECT DISTINCT t FROM unnest(s.tags || d.tags) t ORDER BY t),
                    updated_at = now()
                FROM contact_card d
                WHERE s.tenant_id = ? AND s.id = ? AND d.tenant_id = ? AND d.id = ?""")
                .params(tenant, survivorId, tenant, duplicateId).update();
        int moved = jdbc.sql("UPDATE conversations SET contact_card_id = ? WHERE tenant_id = ? AND contact_card_id = ?")
                .params(survivorId, tenant, duplicateId).update();
        events.publishEvent(new ContactsMerged(tenant, survivorId, duplicateId));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("merged", duplicateId.toString());
        detail.put("conversations_moved", moved);
        audit.record("contact.merged", "contact_card", survivorId.toString(), detail);
        return new Merged(directory.get(survivorId), false, moved);
    }
}
