/**
 * In-app notifications per user: an evaluation analysed or failed (its shopper and the campaign's managers), a
 * campaign assignment (the people newly assigned). Each user lists their own, counts the unread ones and marks
 * them read; nobody reads another user's.
 */
package io.verbatim.notifications;
