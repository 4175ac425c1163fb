package io.verbatim.evaluation;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An evaluation run as the API shows it.
 *
 * @param status   importing, analysing, done or failed
 * @param total    labelled conversations uploaded
 * @param imported accepted by the intake; {@code refused} were not (see the report's failures)
 * @param analysed analysed so far; {@code failed} failed in the pipeline; {@code waiting} neither yet
 * @param report   the {@link EvaluationReport} as JSON once done (null before, and in lists)
 */
public record EvaluationRun(UUID id, String name, String status, String createdBy, Instant createdAt, Instant finishedAt,
                            int total, int imported, int refused, int analysed, int failed, int waiting, String error,
                            JsonNode report) {
}
