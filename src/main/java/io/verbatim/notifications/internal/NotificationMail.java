package io.verbatim.notifications.internal;

import io.verbatim.credentials.Credentials;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.messages.Messages;
import io.verbatim.messages.MessagesProperties;
import io.verbatim.messages.NewMessage;
import io.verbatim.preferences.Preferences;
import io.verbatim.preferences.UserPreferences;
import io.verbatim.platform.BackgroundPriority;
import io.verbatim.platform.PublicUrls;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notification also by e-mail, to users who asked for its kind in their preferences, when the company has an SMTP
 * server (the {@code messages} module's e-mail credential); sent through {@link Messages}, so it is logged with the
 * company's other messages (purpose {@code notification}). In the user's stored language, else English, with the page
 * as a full URL ({@code verbatim.public-base-url}), since a mail client has no base to resolve a path against. Sent on a
 * background thread of its own, in the notification's tenant, after the notification is committed: the event's
 * committed transaction may still be bound to the caller's thread, and SMTP must not hold up the request; a failure
 * never undoes the notification.
 */
@Component
class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);
    private final UserPreferences preferences;
    private final Users users;
    private final Messages messages;
    private final Credentials credentials;
    private final MessagesProperties messagesProperties;
    private final MessageSource texts;
    private final PublicUrls urls;
    private final ExecutorService background = Executors.newSingleThreadExecutor(BackgroundPriority.threads("notification-mail"));

    NotificationMail(UserPreferences preferences, Users users, Messages messages, Credentials credentials,
                     MessagesProperties messagesProperties, MessageSource texts, PublicUrls urls) {
        this.urls = urls;
        this.preferences = preferences;
        this.users = users;
        this.messages = messages;
        this.credentials = credentials;
        this.messagesProperties = messagesProperties;
        this.texts = texts;
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }

    /** @param page the page the e-mail points to (a path on this platform; the e-mail carries it as a full URL) */
    void send(TenantId tenant, UUID userId, String kind, String title, String page) {
        background.execute(() -> TenantContext.runAs(tenant, () -> sendNow(userId, kind, title, page)));
    }

    private void sendNow(UUID userId, String kind, String title, String page) {
        Preferences p = preferences.of(userId);
        if (!p.emailNotifications().contains(kind) || credentials.view(messagesProperties.emailCredential()).isEmpty()) {
            return;
        }
        Optional<User> user = users.find(userId);
        if (user.isEmpty()) {
            return;
        }
        Locale locale = p.language() == null ? Locale.ENGLISH : Locale.of(p.language());
        Object[] args = {title == null ? "" : title, urls.absolute(page)};
        String subject = texts.getMessage("notify.subject." + kind, args, kind, locale);
        String body = texts.getMessage("notify.body." + kind, args, kind, locale);
        try {
            var sent = messages.send(new NewMessage("email", user.get().email(), subject, body, "notification", null, null, null));
            log.debug("Notification {} e-mailed to user {}: {}", kind, userId, sent.status());
        } catch (RuntimeException e) {
            log.warn("Notification {} not e-mailed to user {}: {}", kind, userId, e.getMessage());
        }
    }
}
