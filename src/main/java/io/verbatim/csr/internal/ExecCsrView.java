package io.verbatim.csr.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The executive CSR view: every CSR's numbers summed, objections across CSRs, and the CSRs with the most coaching
 * opportunity first. The coaching score weighs a CSR's lead-call volume by how far they fall short:
 * {@code volume × ((1 − sop_compliance) + miss_rate) / 2}, where miss_rate is the share of qualified leads left
 * unbooked; each CSR's worst objection category (the one most often left unbooked) says what to coach. Speed-to-lead
 * comes from its own roll-up ({@link SpeedToLead}).
 */
record ExecCsrView(String from, String to, Totals totals, List<ObjectionTotal> objections, List<Coaching> coaching,
                   List<CsrNumbers> csrs, SpeedToLead.View speedToLead) {

    /** The same view with the window's speed-to-lead (tenant-wide and per CSR), which the booking numbers leave out. */
    ExecCsrView with(SpeedToLead.View speed) {
        return new ExecCsrView(from, to, totals, objections, coaching, csrs, speed);
    }

    record Totals(long totalLeadsSpokenTo, long qualifiedLeads, long appointmentsBooked, Double bookingRate,
                  long inboundLeadCalls, Double rawBookingRate, long autoRescues) {
    }

    record ObjectionTotal(String category, long count, long unbooked, Double occurrenceRate, Double missRate) {
    }

    record Coaching(UUID csrUserId, String name, double coachingScore, Double sopCompliance, Double missRate,
                    long volume, String worstObjection, Double worstObjectionMissRate) {
    }

    static ExecCsrView of(Window window, List<CsrNumbers> csrs) {
        long leads = 0, qualified = 0, booked = 0, calls = 0, rescues = 0;
        Map<String, long[]> objections = new TreeMap<>();
        for (CsrNumbers c : csrs) {
            leads += c.totalLeadsSpokenTo();
            qualified += c.qualifiedLeads();
            booked += c.appointmentsBooked();
            calls += c.inboundLeadCalls();
            rescues += c.autoRescues();
            for (CsrNumbers.Objection o : c.csrObjections()) {
                long[] sum = objections.computeIfAbsent(o.category(), k -> new long[2]);
                sum[0] += o.count();
                sum[1] += o.unbooked();
            }
        }
        long totalCalls = calls;
        List<ObjectionTotal> objectionTotals = objections.entrySet().stream()
                .map(e -> new ObjectionTotal(e.getKey(), e.getValue()[0], e.getValue()[1],
                        CsrNumbers.rate(e.getValue()[0], totalCalls), CsrNumbers.rate(e.getValue()[1], e.getValue()[0])))
                .sorted(Comparator.comparingLong(ObjectionTotal::count).reversed())
                .toList();
        List<Coaching> coaching = csrs.stream().filter(c -> c.inboundLeadCalls() > 0).map(ExecCsrView::coaching)
                .sorted(Comparator.comparingDouble(Coaching::coachingScore).reversed())
                .toList();
        return new ExecCsrView(window.from().toString(), window.to().toString(),
                new Totals(leads, qualified, booked, CsrNumbers.rate(booked, qualified), calls,
                        CsrNumbers.rate(booked, calls), rescues),
                objectionTotals, coaching, csrs, null);
    }

    private static Coaching coaching(CsrNumbers c) {
        double sop = c.sopCompliance() == null ? 1.0 : c.sopCompliance();
        double miss = c.qualifiedLeads() == 0 ? 0.0 : Math.max(0.0, 1.0 - (double) c.appointmentsBooked() / c.qualifiedLeads());
        CsrNumbers.Objection worst = c.csrObjections().stream()
                .max(Comparator.comparingDouble((CsrNumbers.Objection o) -> (double) o.unbooked() / o.count())
                        .thenComparingLong(CsrNumbers.Objection::count))
                .orElse(null);
        double score = Math.round(c.inboundLeadCalls() * ((1.0 - sop) + miss) / 2.0 * 10000.0) / 10000.0;
        return new Coaching(c.csrUserId(), c.name(), score, c.sopCompliance(), Math.round(miss * 10000.0) / 10000.0,
                c.inboundLeadCalls(), worst == null ? null : worst.category(),
                worst == null ? null : CsrNumbers.rate(worst.unbooked(), worst.count()));
    }
}
