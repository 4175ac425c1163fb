package io.verbatim.surveys;

import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The current tenant's surveys, for other modules; deleted surveys are not found. */
public interface Surveys {

    /** The survey's current version. */
    Optional<SurveyVersion> current(UUID surveyId);

    /** One version of a survey, also of a deleted one (an evaluation keeps what it answered). */
    Optional<SurveyVersion> version(UUID surveyId, int version);

    /** The surveys that are not deleted, id to name, by name (for pickers). */
    java.util.Map<UUID, String> names();

    /** The current version of the survey of that name (not deleted), if there is one. */
    Optional<SurveyVersion> named(String name);

    /**
     * A new survey (version 1), validated and audited as through {@code POST /api/v1/surveys}; for seeding and imports,
     * which have no caller to check: callers check roles themselves.
     */
    SurveyVersion create(String name, JsonNode definition);
}
