package io.verbatim.shopping;

import io.verbatim.tenancy.TenantId;
import java.util.UUID;

/**
 * An evaluation's analysis finished ({@code completed}) or failed for good ({@code failed}); published after the
 * evaluation's status was committed.
 */
public record EvaluationFinished(TenantId tenant, UUID evaluationId, UUID campaignId, UUID shopperId, String status, String reason) {
}
