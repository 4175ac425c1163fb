package io.verbatim.identity.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.internal.AuditEntries.AuditEntry;
import io.verbatim.platform.Page;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** Settings → Audit: the tenant's audit log with filters (a plain GET form), older pages, and the CSV export link. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class AuditPage {

    private static final int PAGE_SIZE = 50;
    private final AuditEntries entries;

    AuditPage(AuditEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/settings/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String cursor, Model model) {
        var filter = AuditEntries.Filter.parse(actor, action, from, to);
        Page<AuditEntry> page = Page.of(entries.page(filter, AuditEntries.cursorId(Page.decode(cursor)), PAGE_SIZE + 1),
                PAGE_SIZE, e -> Long.toString(e.id()));
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("entries", page.items());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("filtered", List.of(nz(actor), nz(action), nz(from), nz(to)).stream().anyMatch(v -> !v.isEmpty()));
        model.addAttribute("next", page.nextCursor() == null ? null : link("/settings/audit", actor, action, from, to)
                .queryParam("cursor", page.nextCursor()).build().encode().toUriString());
        model.addAttribute("csv", link("/api/v1/audit.csv", actor, action, from, to).build().encode().toUriString());
        return "settings/audit";
    }

    private static UriComponentsBuilder link(String path, String actor, String action, String from, String to) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (!nz(actor).isEmpty()) {
            b.queryParam("actor", actor);
        }
        if (!nz(action).isEmpty()) {
            b.queryParam("action", action);
        }
        if (!nz(from).isEmpty()) {
            b.queryParam("from", from);
        }
        if (!nz(to).isEmpty()) {
            b.queryParam("to", to);
        }
        return b;
    }

    private static String nz(String value) {
        return value == null ? "" : value.trim();
    }
}
