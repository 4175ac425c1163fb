/**
 * The conversation pipeline: an ordered graph of stages, each a durable job keyed by conversation and
 * stage, run once across nodes, retried with backoff, resumed after a crash, re-drivable.
 */
package io.verbatim.pipeline;
