/**
 * Shopper evaluations: a shopper assigned to a campaign answers its survey for a zone (scored on submission:
 * weights, N/A, critical items), checks in with time and optional geolocation, and attaches videos or audio through
 * resumable tus 1.0 uploads that are spooled to disk with bounded memory and moved to the blob store when complete.
 * Status {@code pending|analyzing|completed|failed}; {@link io.verbatim.shopping.EvaluationMediaUploaded} is published
 * when a file is complete.
 */
package io.verbatim.shopping;
