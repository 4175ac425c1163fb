package io.verbatim.contacts.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.SmsConsent;
import io.verbatim.contacts.SmsConsents;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/contacts/{id}/sms-consent}: each number of the card with its SMS consent and history. Everyone who
 * reads cards reads it; admins and managers record either state; a CSR (agent) records an opt-out only (a person asking
 * not to be texted), never an opt-in; executives only read.
 */
@RestController
@RequestMapping("/api/v1/contacts/{id}/sms-consent")
class SmsConsentController {

    private final ContactDirectory directory;
    private final SmsConsents consents;
    private final AuditLog audit;

    SmsConsentController(ContactDirectory directory, SmsConsents consents, AuditLog audit) {
        this.directory = directory;
        this.consents = consents;
        this.audit = audit;
    }

    record NumberConsent(String phone, String state, String source, java.time.Instant changedAt, UUID changedBy, String note,
                         List<SmsConsent> history) {
    }

    record CardConsent(UUID contactCardId, List<NumberConsent> numbers) {
    }

    record ConsentChange(String phone, String state, String note) {
    }

    @GetMapping
    @PreAuthorize(ContactController.READ)
    CardConsent get(@PathVariable UUID id) {
        return of(directory.get(id));
    }

    @PutMapping
    @PreAuthorize(ContactController.WRITE)
    CardConsent put(@PathVariable UUID id, @RequestBody ConsentChange body) {
        CurrentUser user = CurrentUser.require();
        if (body == null || body.phone() == null || body.state() == null) {
            throw ProblemException.badRequest("invalid-sms-consent", "phone and state are required");
        }
        if (!SmsConsent.STATES.contains(body.state())) {
            throw ProblemException.badRequest("invalid-sms-consent", "state must be one of " + SmsConsent.STATES);
        }
        if (user.role() == Role.AGENT && !SmsConsent.OPTED_OUT.equals(body.state())) {
            throw ProblemException.forbidden("A CSR records an opt-out only; an opt-in is for admins and managers");
        }
        ContactCard card = directory.get(id);
        TenantId tenant = TenantContext.require();
        String phone = numbers(card).stream()
                .filter(p -> p.equals(consents.of(tenant, body.phone()).phone()))
                .findFirst().orElseThrow(() -> ProblemException.badRequest("invalid-sms-consent",
                        "phone must be one of the card's numbers " + numbers(card)));
        SmsConsent saved = consents.record(tenant, phone, body.state(), user.apiKeyId() != null ? "api" : "manual",
                user.userId(), body.note());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("phone", saved.phone());
        detail.put("state", saved.state());
        detail.put("source", saved.source());
        audit.record("contact.sms_consent", "contact_card", card.id().toString(), detail);
        return of(card);
    }

    private CardConsent of(ContactCard card) {
        TenantId tenant = TenantContext.require();
        List<NumberConsent> numbers = numbers(card).stream().map(p -> {
            SmsConsent c = consents.of(tenant, p);
            return new NumberConsent(p, c.state(), c.source(), c.changedAt(), c.changedBy(), c.note(), consents.history(tenant, p));
        }).toList();
        return new CardConsent(card.id(), numbers);
    }

    static List<String> numbers(ContactCard card) {
        List<String> all = new java.util.ArrayList<>();
        if (card.primaryPhone() != null) {
            all.add(card.primaryPhone());
        }
        if (card.secondaryPhones() != null) {
            card.secondaryPhones().stream().filter(p -> !all.contains(p)).forEach(all::add);
        }
        return all;
    }
}
