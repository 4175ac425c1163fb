package io.verbatim.csr.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One CSR's numbers over a window (docs/csr.md has the definitions).
 *
 * @param bookingRate    appointments_booked / qualified_leads (null without qualified leads)
 * @param rawBookingRate appointments_booked / inbound_lead_calls (null without lead calls)
 * @param sopCompliance  the mean QA score of their lead calls, 0..1 (null when none was scored)
 */
record CsrNumbers(UUID csrUserId, String name, long totalLeadsSpokenTo, long qualifiedLeads, long appointmentsBooked,
                  Double bookingRate, long inboundLeadCalls, Double rawBookingRate, long autoRescues, Double sopCompliance,
                  List<Unbooked> unbookedAppointmentsList, List<Objection> csrObjections) {

    /** A qualified lead the CSR spoke to that is not booked: someone to call back. */
    record Unbooked(UUID contactCardId, UUID conversationId, String name, String phone, String reasonNotBooked,
                    Instant lastSpokenAt) {
    }

    /** An objection category on the CSR's lead calls: how often it came up, and how often such a call went unbooked. */
    record Objection(String category, long count, long unbooked, double occurrenceRate) {
    }

    static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : Math.round(10000.0 * numerator / denominator) / 10000.0;
    }
}
