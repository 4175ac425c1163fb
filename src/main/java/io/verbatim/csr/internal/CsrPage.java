package io.verbatim.csr.internal;

import io.verbatim.followups.Tasks;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /csr}: a CSR's home (my numbers, qualified callers to call back, my tasks, the missed-call queue); for executives,
 * managers and admins the Exec CSR tab (totals, coaching ranking, objections, the queue). Sales reps get 403.
 */
@Controller
class CsrPage {

    private final CsrMetrics metrics;
    private final MissedCalls missed;
    private final Tasks tasks;
    private final SpeedToLead speed;

    CsrPage(CsrMetrics metrics, MissedCalls missed, Tasks tasks, SpeedToLead speed) {
        this.metrics = metrics;
        this.missed = missed;
        this.tasks = tasks;
        this.speed = speed;
    }

    @GetMapping("/csr")
    String page(@RequestParam(required = false) Integer days, Model model) {
        CsrScope scope = CsrScope.current();
        Window w = Window.parse(null, null, days == null ? 30 : days);
        List<CsrNumbers> rows = metrics.perCsr(w, scope.onlyCsr());
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("days", w.to().toEpochDay() - w.from().toEpochDay() + 1);
        model.addAttribute("csr", scope.csr());
        model.addAttribute("mine", scope.csr() && !rows.isEmpty() ? rows.get(0) : null);
        SpeedToLead.View speedToLead = speed.of(w, scope.onlyCsr());
        model.addAttribute("mySpeed", scope.csr() && !speedToLead.csrs().isEmpty() ? speedToLead.csrs().get(0).speedToLead() : null);
        model.addAttribute("exec", scope.csr() ? null : ExecCsrView.of(w, rows).with(speedToLead));
        model.addAttribute("queue", missed.open(w, null, 50));
        CurrentUser user = CurrentUser.require();
        model.addAttribute("tasks", user.userId() == null ? java.util.List.of() : tasks.openFor(user.userId(), 50));
        // executives read the queue; CSRs, managers and admins close its items
        model.addAttribute("worksQueue", user.role() != Role.EXECUTIVE);
        return "csr";
    }
}
