package io.verbatim.messages.internal;

import io.verbatim.appointments.AppointmentsProperties;
import io.verbatim.identity.CurrentUser;
import io.verbatim.messages.Message;
import io.verbatim.platform.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Messages: the confirmations, reminders and hand-sent messages, with their status and the provider's error,
 * by contact or appointment; a failed one is sent again from here (settings-messages.js calls the retry endpoint).
 * Admins and managers, as the messages API.
 */
@Controller
class MessagesPage {

    private static final int SHOWN = 200;
    private static final List<String> PURPOSES = List.of("confirmation", "reminder", "manual", "inbound");
    private final MessageStore store;
    private final SettingsStore settings;
    private final AppointmentsProperties zone;

    MessagesPage(MessageStore store, SettingsStore settings, AppointmentsProperties zone) {
        this.store = store;
        this.settings = settings;
        this.zone = zone;
    }

    @GetMapping("/settings/messages")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String purpose,
                @RequestParam(name = "contact_card_id", required = false) UUID contact,
                @RequestParam(name = "appointment_id", required = false) UUID appointment, Model model) {
        CurrentUser user = MessageController.requireAdminOrManager();
        model.addAttribute("user", user);
        model.addAttribute("settings", settings.current().settings());
        model.addAttribute("canEdit", user.role().administers());
        model.addAttribute("defaultZone", zone.zone().getId());
        String s = status == null || status.isBlank() ? null : status;
        String p = purpose == null || purpose.isBlank() ? null : purpose;
        if (s != null && !Message.STATUSES.contains(s) || p != null && !PURPOSES.contains(p)) {
            throw ProblemException.badRequest("invalid-filter", "status must be one of " + Message.STATUSES + ", purpose one of " + PURPOSES);
        }
        model.addAttribute("status", s);
        model.addAttribute("purpose", p);
        model.addAttribute("contact", contact);
        model.addAttribute("appointment", appointment);
        model.addAttribute("statuses", Message.STATUSES);
        model.addAttribute("purposes", PURPOSES);
        model.addAttribute("messages", store.recent(s, p, contact, appointment, SHOWN));
        return "settings/messages";
    }
}
