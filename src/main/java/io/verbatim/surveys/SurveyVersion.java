package io.verbatim.surveys;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One version of a survey's definition. */
public record SurveyVersion(UUID surveyId, String name, int version, JsonNode definition, Instant createdAt) {
}
