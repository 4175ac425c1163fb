package io.verbatim.insights.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/dashboard/exec-sales-metrics}: every rep the caller sees, the team's totals and open leads. */
record SalesReport(LocalDate from, LocalDate to, List<RepFigures> reps, RepFigures totals,
                   List<PendingLeads> pendingLeadsByRep) {

    record PendingLeads(UUID repId, String name, long pendingLeads) {
    }
}
