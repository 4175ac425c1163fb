package io.verbatim.messages.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.messages.Message;
import io.verbatim.messages.NewMessage;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/messages}: the audit trail of outbound messages, and sending one by hand. Admins and managers only. */
@RestController
@RequestMapping("/api/v1/messages")
class MessageController {

    private final MessageSender sender;
    private final MessageStore store;

    MessageController(MessageSender sender, MessageStore store) {
        this.sender = sender;
        this.store = store;
    }

    record SendRequest(String channel, String to, String subject, String body, UUID appointmentId, UUID contactCardId) {
    }

    @GetMapping
    Page<Message> list(@RequestParam(required = false) String channel, @RequestParam(required = false) String status,
                       @RequestParam(name = "appointment_id", required = false) UUID appointmentId,
                       @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        requireAdminOrManager();
        if (channel != null && !Message.CHANNELS.contains(channel)) {
            throw ProblemException.badRequest("invalid-filter", "channel must be one of " + Message.CHANNELS);
        }
        if (status != null && !Message.STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid-filter", "status must be one of " + Message.STATUSES);
        }
        int n = Page.limit(limit);
        return Page.of(store.list(channel, status, appointmentId, Page.decode(cursor), n), n,
                m -> m.createdAt() + "|" + m.id());
    }

    @GetMapping("/{id}")
    Message get(@PathVariable UUID id) {
        requireAdminOrManager();
        return store.find(id).orElseThrow(() -> ProblemException.notFound("Message " + id));
    }

    /** 201 with the logged message; a provider's refusal is a message with status failed, not an error. */
    @PostMapping
    ResponseEntity<SentMessage> send(@RequestBody SendRequest body) {
        CurrentUser user = requireAdminOrManager();
        if (body == null) {
            throw ProblemException.badRequest("invalid-message", "A JSON body is required");
        }
        Message message = sender.send(new NewMessage(body.channel(), body.to(), body.subject(), body.body(), "manual",
                body.appointmentId(), body.contactCardId(), user.userId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(withWarnings(message));
    }

    /**
     * Sends a failed or undelivered message again (the same message row); 409 {@code message-not-failed} otherwise, 409
     * {@code recipient-opted-out} for a text to a number that opted out.
     */
    @PostMapping("/{id}/retry")
    SentMessage retry(@PathVariable UUID id) {
        requireAdminOrManager();
        return withWarnings(sender.retry(id));
    }

    private SentMessage withWarnings(Message message) {
        boolean quiet = "sms".equals(message.channel()) && sender.quietAt(java.time.Instant.now());
        return new SentMessage(message, quiet ? java.util.List.of(SentMessage.QUIET_HOURS) : java.util.List.of());
    }

    static CurrentUser requireAdminOrManager() {
        CurrentUser user = CurrentUser.require();
        if (user.role() != Role.ADMIN && user.role() != Role.MANAGER && user.role() != Role.PLATFORM_ADMIN) {
            throw ProblemException.forbidden("Messages are for admins and managers");
        }
        return user;
    }
}
