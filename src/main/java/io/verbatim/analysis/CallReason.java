package io.verbatim.analysis;

import java.util.List;

/**
 * Why the contact happened.
 *
 * @param category snake_case: an intent from the reason taxonomy, specialised with the topic when the
 *                 intent takes one ({@code water_heater_leak}, {@code laptop_purchase_inquiry})
 * @param intent   the taxonomy intent ({@code leak}, {@code purchase_inquiry}, {@code reschedule_appointment})
 * @param topic    the topic key phrase, or null
 */
public record CallReason(String category, String intent, String topic, List<Evidence> evidence) {

    public CallReason {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
