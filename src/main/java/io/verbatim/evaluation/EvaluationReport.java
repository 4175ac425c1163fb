package io.verbatim.evaluation;

import java.util.List;

/**
 * An evaluation's result.
 *
 * @param conversations every labelled conversation, analysed or not
 * @param failures      those without an analysis, with why
 * @param all           figures over every analysed conversation
 * @param heldOut       figures over the held-out ones ({@link HeldOut})
 */
public record EvaluationReport(int conversations, List<Failure> failures, Figures all, Figures heldOut) {

    public record Failure(String id, String reason) {
    }
}
