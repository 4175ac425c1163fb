package io.verbatim.messages.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.messages.Message;
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

    private final SettingsStore store;

    MessageSettingsController(SettingsStore store) {
        this.store = store;
    }

    record SettingsRequest(Boolean confirmationsEnabled, Boolean remindersEnabled, Integer reminderHoursBefore, String channel) {
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
                body.remindersEnabled() == null ? now.remindersEnabled() : body.remindersEnabled(), hours, channel, null));
    }
}
