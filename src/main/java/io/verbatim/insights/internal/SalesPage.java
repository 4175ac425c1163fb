package io.verbatim.insights.internal;

import io.verbatim.csr.BookingRates;
import io.verbatim.identity.CurrentUser;
import io.verbatim.insights.Period;
import io.verbatim.platform.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /sales}: the Exec Sales tab, the same figures as {@code /api/v1/dashboard/exec-sales-metrics} in the same
 * scope: executives, managers and admins see every rep and the team, a sales rep their own row; CSRs and shoppers 403.
 * Executives, managers and admins also see the CSRs' booking rates (team and per CSR) for the same period.
 */
@Controller
class SalesPage {

    private final SalesFigures figures;
    private final BookingRates bookingRates;
    private final Clock clock = Clock.systemUTC();

    SalesPage(SalesFigures figures, BookingRates bookingRates) {
        this.figures = figures;
        this.bookingRates = bookingRates;
    }

    @GetMapping("/sales")
    String page(@RequestParam(required = false) Integer days, Model model) {
        SalesScope scope = SalesScope.current();
        int d = days == null ? 30 : days;
        if (d != 7 && d != 30 && d != 90) {
            throw ProblemException.badRequest("invalid-parameter", "days must be 7, 30 or 90");
        }
        LocalDate last = Period.parse(null, null, null, clock).to();
        SalesReport report = figures.report(new Period(last.minusDays(d - 1), last, null), scope.onlyRep());
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("days", d);
        model.addAttribute("rep", scope.rep());
        model.addAttribute("report", report);
        model.addAttribute("booking", scope.rep() ? null : bookingRates.of(report.from(), report.to()));
        return "sales";
    }
}
