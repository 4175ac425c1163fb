package io.verbatim.messages.internal;

import io.verbatim.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's message status callback ({@code StatusCallback} of every SMS we send). No token: the tenant in the path
 * is trusted only once {@code X-Twilio-Signature} verifies with that tenant's Twilio auth token; otherwise 401 and
 * nothing changes. A status never moves backwards (callbacks can arrive out of order).
 */
@RestController
class TwilioStatusController {

    private final TwilioWebhookForms forms;
    private final MessageStore store;

    TwilioStatusController(TwilioWebhookForms forms, MessageStore store) {
        this.forms = forms;
        this.store = store;
    }

    record Acknowledged(boolean received, String status) {
    }

    @PostMapping("/api/v1/webhooks/{tenant}" + MessageSender.STATUS_PATH)
    ResponseEntity<Acknowledged> status(@PathVariable String tenant, HttpServletRequest request) throws IOException {
        return forms.receive(tenant, request, form -> {
            String sid = form.get("MessageSid");
            String twilioStatus = form.get("MessageStatus");
            if (sid == null || twilioStatus == null) {
                throw ProblemException.badRequest("invalid-callback", "MessageSid and MessageStatus are required");
            }
            String status = TwilioStatuses.ours(twilioStatus);
            String code = form.get("ErrorCode");
            String error = code == null || code.isBlank() ? null : "Twilio error " + code;
            boolean changed = store.callback("sms", sid, status, error).isPresent();
            return ResponseEntity.ok(new Acknowledged(true, changed ? status : "unchanged"));
        });
    }
}
