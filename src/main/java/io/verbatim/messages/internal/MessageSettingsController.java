package io.verbatim.messages.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.messages.KeywordReplies;
import io.verbatim.messages.Message;
import io.verbatim.messages.QuietHours;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import io.verbatim.messages.MessageSettings;
import io.verbatim.platform.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/messages/settings}: admins and managers read, admins change. */
@RestController
@RequestMapping("/api/v1/messages/settings")
class MessageSettingsController {

    private static final Pattern HHMM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private final SettingsStore store;

    MessageSettingsController(SettingsStore store) {
        this.store = store;
    }

    /**
     * @param quietHours absent: unchanged; null or false: disabled; {"start":"21:00","end":"08:00","time_zone":"..."}
     * @param replies    each reply absent or blank: unchanged
     */
    record SettingsRequest(Boolean confirmationsEnabled, Boolean remindersEnabled, Integer reminderHoursBefore, String channel,
                           JsonNode quietHours, KeywordReplies replies) {
    }

    @GetMapping
    MessageSettings get() {
        Role role = CurrentUser.require().role();
        if (role != Role.ADMIN && role != Role.MANAGER && role != Role.PLATFORM_ADMIN) {
            throw ProblemException.forbidden("Message settings are for admins and managers");
        }
        return store.current().settings();
    }

    /** Replaces the settings; a field left out keeps its current value. */
    @PutMapping
    MessageSettings put(@RequestBody SettingsRequest body) {
        Role role = CurrentUser.require().role();
        if (role != Role.ADMIN && role != Role.PLATFORM_ADMIN) {
            throw ProblemException.forbidden("Only admins change message settings");
        }
        if (body == null) {
            throw ProblemException.badRequest("invalid-message-settings", "A JSON body is required");
        }
        MessageSettings now = store.current().settings();
        int hours = body.reminderHoursBefore() == null ? now.reminderHoursBefore() : body.reminderHoursBefore();
        if (hours < 1 || hours > 168) {
            throw ProblemException.badRequest("invalid-message-settings", "reminder_hours_before must be 1 to 168");
        }
        String channel = body.channel() == null ? now.channel() : body.channel();
        if (!Message.CHANNELS.contains(channel)) {
            throw ProblemException.badRequest("invalid-message-settings", "channel must be one of " + Message.CHANNELS);
        }
        return store.save(new MessageSettings(
                body.confirmationsEnabled() == null ? now.confirmationsEnabled() : body.confirmationsEnabled(),
                body.remindersEnabled() == null ? now.remindersEnabled() : body.remindersEnabled(), hours, channel,
                quietHours(body.quietHours(), now.quietHours()), replies(body.replies(), now.replies()), null));
    }

    private static QuietHours quietHours(JsonNode wanted, QuietHours current) {
        if (wanted == null || wanted.isMissingNode()) {
            return current;
        }
        if (wanted.isNull() || wanted.isBoolean() && !wanted.asBoolean()
                || wanted.isObject() && wanted.has("enabled") && !wanted.path("enabled").asBoolean()) {
            return null;
        }
        if (wanted.isBoolean()) {
            return current == null ? QuietHours.DEFAULT : current;
        }
        if (!wanted.isObject()) {
            throw invalid("quiet_hours must be {\"start\":\"21:00\",\"end\":\"08:00\"} or null");
        }
        QuietHours base = current == null ? QuietHours.DEFAULT : current;
        String start = wanted.hasNonNull("start") ? wanted.get("start").asString() : base.start();
        String end = wanted.hasNonNull("end") ? wanted.get("end").asString() : base.end();
        String zone = wanted.has("time_zone") ? (wanted.get("time_zone").isNull() ? null : wanted.get("time_zone").asString())
                : base.timeZone();
        if (!HHMM.matcher(start).matches() || !HHMM.matcher(end).matches() || start.equals(end)) {
            throw invalid("quiet_hours start and end must be two different times HH:mm (00:00 to 23:59)");
        }
        if (zone != null && !zone.isBlank()) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw invalid("quiet_hours time_zone must be an IANA time zone such as America/Chicago");
            }
        }
        return new QuietHours(start, end, zone == null || zone.isBlank() ? null : zone);
    }

    private static KeywordReplies replies(KeywordReplies wanted, KeywordReplies current) {
        if (wanted == null) {
            return current;
        }
        for (String text : new String[] {wanted.stop(), wanted.start(), wanted.help()}) {
            if (text != null && text.length() > 320) {
                throw invalid("a reply is at most 320 characters (two SMS segments)");
            }
        }
        return new KeywordReplies(blank(wanted.stop()) ? current.stop() : wanted.stop().strip(),
                blank(wanted.start()) ? current.start() : wanted.start().strip(),
                blank(wanted.help()) ? current.help() : wanted.help().strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-message-settings", detail);
    }
}
