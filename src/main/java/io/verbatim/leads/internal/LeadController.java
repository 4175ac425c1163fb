package io.verbatim.leads.internal;

import io.verbatim.leads.Lead;
import io.verbatim.platform.Page;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/leads}: everyone reads within their scope; executives only read. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadController {

    static final String READ = "hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE', 'AGENT')";
    static final String WRITE = "hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'AGENT')";
    private final LeadBook leads;

    LeadController(LeadBook leads) {
        this.leads = leads;
    }

    @GetMapping
    @PreAuthorize(READ)
    Page<Lead> list(@RequestParam(required = false) String stage, @RequestParam(required = false) String qualification,
                    @RequestParam(name = "contact_card_id", required = false) UUID contactCardId,
                    @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return leads.list(new LeadBook.Filter(stage, qualification, contactCardId), cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    LeadBook.Detail get(@PathVariable UUID id) {
        return leads.get(id);
    }

    @PostMapping
    @PreAuthorize(WRITE)
    ResponseEntity<Lead> create(@RequestBody LeadBook.NewLead body) {
        Lead lead = leads.create(body);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/leads/" + lead.id()).body(lead);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(WRITE)
    LeadBook.Detail update(@PathVariable UUID id, @RequestBody LeadBook.Change body) {
        return leads.update(id, body);
    }
}
