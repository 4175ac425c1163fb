/**
 * Leads: a contact's sales opportunity, stage {@code new|qualified|booked|pending|dead} and qualification
 * {@code hot|warm|cold|unqualified}. Created and kept current from each analysed conversation of a contact card
 * (the conversations module's {@code AnalysisUpdated}); a person may override the qualification, and every change is
 * kept as history. One open lead per contact, enforced by the database.
 */
package io.verbatim.leads;
