package io.verbatim.csr.internal;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/dashboard/csr-metrics} (a CSR sees their own row) and {@code /exec-csr-metrics} (not for CSRs). */
@RestController
@RequestMapping("/api/v1/dashboard")
class CsrMetricsController {

    private final CsrMetrics metrics;
    private final SpeedToLead speed;

    CsrMetricsController(CsrMetrics metrics, SpeedToLead speed) {
        this.metrics = metrics;
        this.speed = speed;
    }

    /** {@code speed_to_lead.tenant} is null for a CSR, who sees only their own row. */
    record PerCsr(String from, String to, List<CsrNumbers> csrs, SpeedToLead.View speedToLead) {
    }

    @GetMapping("/csr-metrics")
    @PreAuthorize(MissedCallController.READ)
    PerCsr csrMetrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) Integer days) {
        CsrScope scope = CsrScope.current();
        Window w = Window.parse(from, to, days);
        return new PerCsr(w.from().toString(), w.to().toString(), metrics.perCsr(w, scope.onlyCsr()),
                speed.of(w, scope.onlyCsr()));
    }

    @GetMapping("/exec-csr-metrics")
    @PreAuthorize(MissedCallController.READ)
    ExecCsrView execCsrMetrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) Integer days) {
        CsrScope.current().requireOverview();
        Window w = Window.parse(from, to, days);
        return ExecCsrView.of(w, metrics.perCsr(w, null)).with(speed.of(w, null));
    }
}
