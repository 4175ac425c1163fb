package io.verbatim.messages;

import java.time.Instant;

/**
 * Whether a tenant's appointment confirmations and reminders go out (both off until an admin turns them on).
 *
 * @param reminderHoursBefore how long before the visit the reminder goes (1 to 168 hours)
 * @param channel             sms (the contact's phone) or email (the contact's address)
 */
public record MessageSettings(boolean confirmationsEnabled, boolean remindersEnabled, int reminderHoursBefore, String channel,
                              Instant updatedAt) {

    public static final MessageSettings DEFAULTS = new MessageSettings(false, false, 24, "sms", null);
}
