package io.verbatim.insights.internal;

import io.verbatim.insights.Period;
import io.verbatim.platform.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exec sales metrics (every rep the caller sees) and one rep's stats, for a period: {@code from}/{@code to}
 * (UTC days, inclusive), or {@code days} (7, 30 or 90) ending today; 30 days by default.
 */
@RestController
class SalesMetricsController {

    private final SalesFigures figures;
    private final Clock clock = Clock.systemUTC();

    SalesMetricsController(SalesFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/dashboard/exec-sales-metrics")
    SalesReport execSales(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) Integer days) {
        UUID only = SalesScope.current().onlyRep();
        return figures.report(period(from, to, days), only);
    }

    @GetMapping("/api/v1/reps/{repId}/stats")
    RepFigures repStats(@PathVariable UUID repId, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to, @RequestParam(required = false) Integer days) {
        SalesScope.current().requireRep(repId);
        return figures.rep(period(from, to, days), repId);
    }

    private Period period(String from, String to, Integer days) {
        if (days == null) {
            return Period.parse(from, to, null, clock);
        }
        if (days != 7 && days != 30 && days != 90) {
            throw ProblemException.badRequest("invalid-parameter", "days must be 7, 30 or 90");
        }
        if (from != null && !from.isBlank()) {
            throw ProblemException.badRequest("invalid-parameter", "Give either days or from, not both");
        }
        Period end = Period.parse(null, to, null, clock);
        LocalDate last = end.to();
        return new Period(last.minusDays(days - 1), last, null);
    }
}
