package io.verbatim.messages;

import java.time.Instant;

/**
 * A tenant's appointment confirmations and reminders (both off until an admin turns them on), its quiet hours and its
 * replies to the STOP, START and HELP keywords.
 *
 * @param reminderHoursBefore how long before the visit the reminder goes (1 to 168 hours)
 * @param channel             sms (the contact's phone) or email (the contact's address)
 * @param quietHours          when automatic texts are held; null when they are not (disabled)
 * @param replies             the texts answered to STOP, START and HELP
 */
public record MessageSettings(boolean confirmationsEnabled, boolean remindersEnabled, int reminderHoursBefore, String channel,
                              QuietHours quietHours, KeywordReplies replies, Instant updatedAt) {

    public static final MessageSettings DEFAULTS = new MessageSettings(false, false, 24, "sms", QuietHours.DEFAULT,
            KeywordReplies.DEFAULTS, null);

    /** Confirmation and reminder settings with the default quiet hours and replies. */
    public MessageSettings(boolean confirmationsEnabled, boolean remindersEnabled, int reminderHoursBefore, String channel,
                           Instant updatedAt) {
        this(confirmationsEnabled, remindersEnabled, reminderHoursBefore, channel, QuietHours.DEFAULT, KeywordReplies.DEFAULTS,
                updatedAt);
    }
}
