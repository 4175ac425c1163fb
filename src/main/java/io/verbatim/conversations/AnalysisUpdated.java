package io.verbatim.conversations;

import java.util.UUID;

/** A conversation's analysis was (re)written; published inside the transaction that saves it (webhook event {@code analysis.updated}). */
public record AnalysisUpdated(String tenantId, UUID conversationId, boolean reanalysis) {
}
