package io.verbatim.notifications.internal;

import io.verbatim.identity.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /notifications}: the signed-in user's own in-app notifications, newest first, with the unread count; each
 * opens the page it concerns and is marked read with a plain form post (no script), as is "mark all as read".
 * Another user's notification is not found, as in the API.
 */
@Controller
class NotificationPages {

    static final int SHOWN = 100;
    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    /** A notification with the page (not the API path) it concerns. */
    record Row(Notification n, String page) {
    }

    @GetMapping("/notifications")
    String page(@RequestParam(defaultValue = "false") boolean unread, Model model) {
        model.addAttribute("user", CurrentUser.require());
        List<Row> rows = notifications.mine(unread, SHOWN).stream().map(n -> new Row(n, page(n))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("unread", notifications.unread());
        model.addAttribute("onlyUnread", unread);
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable UUID id) {
        notifications.read(id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.readAll();
        return "redirect:/notifications";
    }

    static String page(Notification n) {
        String evaluation = n.data() == null ? null : n.data().get("evaluation_id");
        if (n.kind().startsWith("evaluation.") && evaluation != null) {
            return "/shopping/evaluations/" + evaluation;
        }
        return "/shopping/campaigns";
    }
}
