package io.verbatim.shopping;

import io.verbatim.tenancy.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * Evaluations recorded by system work that has no signed-in caller (the demo seeding): each method names its tenant
 * and checks no caller, so only the seeding path uses it; shoppers go through {@code /api/v1/evaluations}.
 */
public interface SystemEvaluations {

    /**
     * Records the visit for its shopper, checked and scored as through {@code POST /api/v1/evaluations} (the campaign
     * active, the shopper assigned, the zone the campaign's, the answers fitting the survey), and sends its transcript
     * through the intake and the dual analysis as {@code POST /api/v1/evaluations/{id}/transcript} does.
     *
     * @return the new evaluation, or empty when a visit with this key was recorded before
     */
    Optional<UUID> recordWithTranscript(TenantId tenant, SeededVisit visit);
}
