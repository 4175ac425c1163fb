package io.verbatim.csr.internal;

import io.verbatim.csr.BookingRates;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link BookingRates} from the same numbers as {@code /api/v1/dashboard/exec-csr-metrics}. */
@Component
class CsrBookingRates implements BookingRates {

    private final CsrMetrics metrics;

    CsrBookingRates(CsrMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Summary of(LocalDate from, LocalDate to) {
        List<CsrNumbers> csrs = metrics.perCsr(new Window(from, to), null);
        ExecCsrView.Totals t = ExecCsrView.of(new Window(from, to), csrs).totals();
        return new Summary(new Rate(null, null, t.qualifiedLeads(), t.appointmentsBooked(), t.bookingRate(), t.inboundLeadCalls(),
                t.rawBookingRate()),
                csrs.stream().map(c -> new Rate(c.csrUserId(), c.name(), c.qualifiedLeads(), c.appointmentsBooked(), c.bookingRate(),
                        c.inboundLeadCalls(), c.rawBookingRate())).toList());
    }
}
