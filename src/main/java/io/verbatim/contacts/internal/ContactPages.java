package io.verbatim.contacts.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.SmsConsents;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /contacts} (search by name, phone or e-mail) and {@code /contacts/{id}} (the card and its timeline). They
 * read through the same services as {@code /api/v1/contacts}, so a page shows exactly what the API shows the caller;
 * another tenant's card, or an id that is not one, is the 404 page.
 */
@Controller
class ContactPages {

    private final ContactDirectory directory;
    private final ContactTimeline timeline;
    private final SmsConsents consents;

    ContactPages(ContactDirectory directory, ContactTimeline timeline, SmsConsents consents) {
        this.directory = directory;
        this.timeline = timeline;
        this.consents = consents;
    }

    @GetMapping("/contacts")
    @PreAuthorize(ContactController.READ)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
        Page<ContactCard> page = directory.search(q, cursor, 50);
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("contacts", page.items());
        model.addAttribute("next", page.nextCursor());
        return "contacts";
    }

    @GetMapping("/contacts/{id}")
    @PreAuthorize(ContactController.READ)
    String card(@PathVariable String id, Model model) {
        ContactCard card = directory.get(parse(id));
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("card", card);
        model.addAttribute("merged", !card.id().toString().equals(id));
        model.addAttribute("timeline", timeline.of(card.id()));
        CurrentUser user = CurrentUser.require();
        boolean merges = user.role().administers() || user.role() == Role.MANAGER;
        model.addAttribute("merges", merges);
        model.addAttribute("duplicates", merges ? duplicates(card) : java.util.List.of());
        TenantId tenant = TenantContext.require();
        model.addAttribute("consents", SmsConsentController.numbers(card).stream().map(p -> consents.of(tenant, p)).toList());
        // as the API: admins, managers and CSRs record an opt-out, only admins and managers an opt-in
        model.addAttribute("consentEdit", user.role() != Role.EXECUTIVE);
        model.addAttribute("optInAllowed", merges);
        return "contact";
    }

    /** Other live cards with the same last name (or, without one, the same full name): candidates to merge in. */
    private java.util.List<ContactCard> duplicates(ContactCard card) {
        String name = card.lastName() != null ? card.lastName() : card.fullName();
        if (name == null || name.isBlank()) {
            return java.util.List.of();
        }
        return directory.search(name, null, 20).items().stream().filter(c -> !c.id().equals(card.id())).limit(10).toList();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Contact " + id);
        }
    }
}
