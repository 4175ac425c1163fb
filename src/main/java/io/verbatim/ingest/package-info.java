/**
 * How conversations get in: the upload API, the storage drop folder, transcript imports (and, later,
 * provider connectors and webhooks), all through one idempotent intake.
 */
package io.verbatim.ingest;
