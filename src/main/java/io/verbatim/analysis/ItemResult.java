package io.verbatim.analysis;

import java.util.List;

/**
 * One item's outcome.
 *
 * @param result   met / not_met / not_applicable (for must-not-occur items: met = the behaviour happened)
 * @param passed   whether the item earns its weight (null when not applicable)
 * @param evidence the sentences that satisfied the rule (empty for not met, or when the rule is a negation)
 */
public record ItemResult(String key, String name, String section, ItemStatus result, Boolean passed, double weight,
                         boolean mustNotOccur, boolean autoFail, List<Evidence> evidence) {

    public ItemResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
