package io.verbatim.surveys;

import java.util.Optional;
import java.util.UUID;

/** The current tenant's surveys, for other modules; deleted surveys are not found. */
public interface Surveys {

    /** The survey's current version. */
    Optional<SurveyVersion> current(UUID surveyId);

    /** One version of a survey, also of a deleted one (an evaluation keeps what it answered). */
    Optional<SurveyVersion> version(UUID surveyId, int version);
}
