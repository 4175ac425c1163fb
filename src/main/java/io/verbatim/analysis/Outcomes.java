package io.verbatim.analysis;

import java.util.List;

/**
 * Outcome fields; each is null when it does not apply to this conversation.
 *
 * @param bookingStatus set for booking conversations (a visit, estimate, clinic, salon or branch
 *                      appointment is discussed); never for field visits (the visit is the appointment)
 * @param qualification set for prospects calling a business about a service they need
 * @param resolution    always set
 * @param outcome       set for sales visits (channel field_visit)
 * @param dealValue     the final agreed price after discounts, only when closed_won
 * @param evidence      why each field has its value
 */
public record Outcomes(BookingStatus bookingStatus, Qualification qualification, Resolution resolution,
                       SalesOutcome outcome, Double dealValue, List<Reason> evidence) {

    public Outcomes {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** One field's explanation: the rule that decided it and the sentence it rests on (null when none). */
    public record Reason(String field, String rule, Evidence evidence) {
    }
}
