/**
 * Recording sources a tenant pulls conversations from on a schedule: a connector framework (schedule
 * per source, high-water mark, backoff on provider errors, a visible run history of what was fetched,
 * skipped as a duplicate, or failed and why) and the generic REST recording-provider connector
 * (OAuth2 password or client-credentials token, paged listing, download, field mapping). The storage
 * drop folder's scans appear in the same run history.
 */
package io.verbatim.sources;
