package io.verbatim.messages.internal;

import io.verbatim.messages.KeywordReplies;
import io.verbatim.messages.MessageSettings;
import io.verbatim.messages.QuietHours;
import io.verbatim.tenancy.TenantContext;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's message settings, under row-level security; a tenant without a row has the defaults (all off). */
@Component
class SettingsStore {

    /** The settings plus since when confirmations are on (appointments booked earlier are not confirmed). */
    record Current(MessageSettings settings, Instant confirmationsSince) {
    }

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Current current() {
        Optional<Current> row = jdbc.sql("SELECT * FROM message_settings WHERE tenant_id = ?").param(tenant())
                .query((rs, n) -> new Current(new MessageSettings(rs.getBoolean("confirmations_enabled"),
                        rs.getBoolean("reminders_enabled"), rs.getInt("reminder_hours_before"), rs.getString("channel"),
                        rs.getBoolean("quiet_hours_enabled") ? new QuietHours(hhmm(rs.getString("quiet_start")),
                                hhmm(rs.getString("quiet_end")), rs.getString("time_zone")) : null,
                        new KeywordReplies(rs.getString("stop_reply"), rs.getString("start_reply"), rs.getString("help_reply"))
                                .orDefaults(),
                        rs.getTimestamp("updated_at").toInstant()),
                        rs.getTimestamp("confirmations_since") == null ? null : rs.getTimestamp("confirmations_since").toInstant()))
                .optional();
        return row.orElse(new Current(MessageSettings.DEFAULTS, null));
    }

    @Transactional
    MessageSettings save(MessageSettings s) {
        QuietHours quiet = s.quietHours();
        KeywordReplies replies = s.replies() == null ? KeywordReplies.DEFAULTS : s.replies().orDefaults();
        jdbc.sql("""
                INSERT INTO message_settings (tenant_id, confirmations_enabled, confirmations_since, reminders_enabled,
                    reminder_hours_before, channel, quiet_hours_enabled, quiet_start, quiet_end, time_zone, stop_reply,
                    start_reply, help_reply)
                VALUES (?, ?, CASE WHEN ? THEN now() END, ?, ?, ?, ?, CAST(? AS time), CAST(? AS time), ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET confirmations_enabled = EXCLUDED.confirmations_enabled,
                    confirmations_since = CASE WHEN NOT EXCLUDED.confirmations_enabled THEN NULL
                        ELSE COALESCE(message_settings.confirmations_since, now()) END,
                    reminders_enabled = EXCLUDED.reminders_enabled, reminder_hours_before = EXCLUDED.reminder_hours_before,
                    channel = EXCLUDED.channel, quiet_hours_enabled = EXCLUDED.quiet_hours_enabled,
                    quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, time_zone = EXCLUDED.time_zone,
                    stop_reply = EXCLUDED.stop_reply, start_reply = EXCLUDED.start_reply, help_reply = EXCLUDED.help_reply,
                    updated_at = now()""")
                .params(tenant(), s.confirmationsEnabled(), s.confirmationsEnabled(), s.remindersEnabled(), s.reminderHoursBefore(),
                        s.channel(), quiet != null, (quiet == null ? QuietHours.DEFAULT : quiet).start(),
                        (quiet == null ? QuietHours.DEFAULT : quiet).end(), quiet == null ? null : quiet.timeZone(),
                        replies.stop(), replies.start(), replies.help())
                .update();
        return current().settings();
    }

    /** "21:00:00" (PostgreSQL's time) as "21:00". */
    private static String hhmm(String time) {
        return time.length() > 5 ? time.substring(0, 5) : time;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
