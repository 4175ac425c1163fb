/**
 * Appointments of field sales reps: booking (a rep is never double-booked: an exclusion constraint in the
 * database), status and outcome, the appointment a booked call proposes, each rep's day and iCalendar feed.
 * Depends on {@code contacts} for the contact card; nothing depends on it but the demo and the pages.
 */
package io.verbatim.appointments;
