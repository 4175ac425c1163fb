package io.verbatim.notifications.internal;

import io.verbatim.platform.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own notifications; another user's id is not found. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer limit) {
        List<Notification> items = notifications.mine(unread, Page.limit(limit));
        return Map.of("items", items, "unread", notifications.unread());
    }

    @GetMapping("/unread-count")
    Map<String, Integer> unreadCount() {
        return Map.of("unread", notifications.unread());
    }

    @PostMapping("/{id}/read")
    Notification read(@PathVariable UUID id) {
        return notifications.read(id);
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll() {
        return Map.of("marked", notifications.readAll());
    }
}
