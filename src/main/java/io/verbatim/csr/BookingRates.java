package io.verbatim.csr;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The CSR booking rates of the current tenant over a period (inclusive UTC days), for pages outside this module such as
 * the Exec Sales tab: every CSR and the team. The caller checks who may see them; definitions in docs/csr.md.
 */
public interface BookingRates {

    Summary of(LocalDate from, LocalDate to);

    /** The team (every CSR summed) and each CSR. */
    record Summary(Rate team, List<Rate> csrs) {
    }

    /**
     * One CSR's (or the team's, {@code csrUserId} null) booking figures.
     *
     * @param bookingRate    appointments_booked / qualified_leads, null without qualified leads
     * @param rawBookingRate appointments_booked / inbound_lead_calls, null without lead calls
     */
    record Rate(UUID csrUserId, String name, long qualifiedLeads, long appointmentsBooked, Double bookingRate,
                long inboundLeadCalls, Double rawBookingRate) {
    }
}
