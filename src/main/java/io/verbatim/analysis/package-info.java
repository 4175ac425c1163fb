/**
 * The built-in analyst: per-tenant QA scorecards ({@link io.verbatim.analysis.QaConfig}, read and
 * validated by {@link io.verbatim.analysis.QaConfigs}), tenant trackers, call reason, objections,
 * action items, outcomes (booking, qualification, resolution, sales outcome, deal value), KPIs and an
 * extractive summary. Entry point: {@link io.verbatim.analysis.Analyst}.
 *
 * <p>Everything is deterministic and cites evidence ({@link io.verbatim.analysis.Evidence}: turn index,
 * start time, quote). Semantic rules use in-process MiniLM sentence embeddings. The rule evaluator,
 * config reader/writer and extractors live in {@code internal} sub-packages.
 */
package io.verbatim.analysis;
