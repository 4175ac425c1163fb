/**
 * Pending actions and tasks: created from each analysed conversation's open action items under a natural key
 * (contact, category, due day), so re-analysis never duplicates them, and by hand; assigned to a CSR, sales rep,
 * executive or the system; "my tasks" for each user. Listens to the conversations module's analysis events and
 * uses {@code contacts} for the card; nothing depends on it.
 */
package io.verbatim.followups;
