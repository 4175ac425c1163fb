/**
 * Surveys: SurveyJS-compatible JSON definitions (pages, elements, skip logic) with choice scores, question weights
 * and critical items, validated against a JSON Schema and versioned (a new definition is a new version; what was
 * answered keeps its version). {@link io.verbatim.surveys.Surveys} finds them for other modules and
 * {@link io.verbatim.surveys.SurveyScoring} scores answers.
 */
package io.verbatim.surveys;
