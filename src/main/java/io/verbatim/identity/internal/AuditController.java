package io.verbatim.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.verbatim.identity.AuditLog;
import io.verbatim.identity.internal.AuditEntries.AuditEntry;
import io.verbatim.platform.Csv;
import io.verbatim.platform.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's audit log, newest first, for admins: filtered pages as JSON, or every match as CSV. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class AuditController {

    static final List<String> CSV_COLUMNS = List.of("id", "at", "actor_type", "actor_id", "actor_email", "action",
            "target_type", "target_id", "ip", "detail");
    private final AuditEntries entries;
    private final AuditLog audit;

    AuditController(AuditEntries entries, AuditLog audit) {
        this.entries = entries;
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Audit entries, newest first; filters: actor (part of the e-mail, or the actor id), action (prefix), "
            + "from and to (a date, UTC, or an ISO time; to is exclusive, a date includes its day). "
            + "With Accept: text/csv, every matching entry as CSV (as /api/v1/audit.csv)")
    public Page<AuditEntry> list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
                                 @RequestHeader(value = "Accept", required = false) String accept,
                                 HttpServletResponse response) throws IOException {
        if (accept != null && accept.contains("text/csv") && !accept.contains("application/json")) {
            export(actor, action, from, to, response);
            return null;
        }
        int size = Page.limit(limit);
        var filter = AuditEntries.Filter.parse(actor, action, from, to);
        return Page.of(entries.page(filter, AuditEntries.cursorId(Page.decode(cursor)), size + 1), size, e -> Long.toString(e.id()));
    }

    @GetMapping("/api/v1/audit.csv")
    @Operation(summary = "Every matching audit entry as CSV (same filters as /api/v1/audit); the export itself is audited")
    public void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       HttpServletResponse response) throws IOException {
        var filter = AuditEntries.Filter.parse(actor, action, from, to);
        Map<String, Object> detail = new LinkedHashMap<>();
        Arrays.asList(new String[][] {{"actor", actor}, {"action", action}, {"from", from}, {"to", to}})
                .forEach(p -> {
                    if (p[1] != null && !p[1].isBlank()) {
                        detail.put(p[0], p[1]);
                    }
                });
        // Who took a copy of the log is itself worth knowing.
        audit.record("audit.exported", null, null, detail);
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        PrintWriter out = new PrintWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.print('\uFEFF'); // so spreadsheet programs read UTF-8
        out.print(Csv.line(CSV_COLUMNS));
        entries.each(filter, e -> out.print(Csv.line(Arrays.asList(e.id(), e.at(), e.actorType(), e.actorId(), e.actorEmail(),
                e.action(), e.targetType(), e.targetId(), e.ip(), e.detail() == null ? "" : e.detail().toString()))));
        out.flush();
    }
}
