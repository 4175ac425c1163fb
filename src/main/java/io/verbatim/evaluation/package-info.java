/**
 * Evaluation of the analyst against gold labels: pure scoring of (labels, flat call record, QA record,
 * PII) into per-field accuracy, confusion matrices and precision/recall/F1; evaluation runs that import a
 * labelled set for a tenant and score it when analysed (the API and the Settings page).
 */
package io.verbatim.evaluation;
