package io.verbatim.shopping.internal;

import io.verbatim.shopping.SeededVisit;
import io.verbatim.shopping.SystemEvaluations;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@link SystemEvaluations}: the same checks, scoring and analysis as a shopper's submission, in the named tenant. The
 * key is looked for before anything is written, so running the seed again adds nothing.
 */
@Service
class SeededEvaluations implements SystemEvaluations {

    private final ShopperEvaluations evaluations;
    private final EvaluationAnalyses analyses;

    SeededEvaluations(ShopperEvaluations evaluations, EvaluationAnalyses analyses) {
        this.evaluations = evaluations;
        this.analyses = analyses;
    }

    @Override
    public Optional<UUID> recordWithTranscript(TenantId tenant, SeededVisit visit) {
        if (visit.key() == null || visit.key().isBlank() || visit.shopperId() == null || visit.transcript() == null) {
            throw new IllegalArgumentException("A seeded visit needs its key, shopper and transcript");
        }
        return TenantContext.callAs(tenant, () -> {
            if (analyses.known(visit.key())) {
                return Optional.empty();
            }
            UUID id = evaluations.record(visit.shopperId(), new ShopperEvaluations.NewEvaluation(visit.campaignId(), visit.zoneId(),
                    visit.answers(), visit.checkInAt(), null, visit.language()));
            analyses.startFromTranscript(id, visit.transcript(), visit.filename(), visit.key());
            return Optional.of(id);
        });
    }
}
