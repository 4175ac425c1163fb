/**
 * What the dashboards and the calls explorer show: daily roll-ups of conversations and their analyses
 * (kept current from change rows written by database triggers), dashboard figures for a period, and
 * the filtered, full-text-searchable list of calls. Every query is scoped by the caller's role
 * ({@link io.verbatim.conversations.Visibility}) inside the SQL, on top of row-level security.
 */
package io.verbatim.insights;
