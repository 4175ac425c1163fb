package io.verbatim.messages.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactCards;
import io.verbatim.contacts.SmsConsents;
import io.verbatim.messages.KeywordReplies;
import io.verbatim.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Twilio's inbound SMS webhook (the number's "A message comes in" URL). Trusted only once {@code X-Twilio-Signature}
 * verifies with the tenant's Twilio auth token (401, nothing stored, otherwise). Every text is logged (direction
 * inbound, linked to the card that has the sender's number; no card is created) once per {@code MessageSid}; STOP and
 * START keywords record the number's consent; the answer is TwiML with the tenant's reply to a keyword, else empty.
 */
@RestController
class TwilioInboundSmsController {

    static final String PATH = "/twilio-sms";
    private final TwilioWebhookForms forms;
    private final MessageStore store;
    private final ContactCards cards;
    private final SmsConsents consents;
    private final SettingsStore settings;

    TwilioInboundSmsController(TwilioWebhookForms forms, MessageStore store, ContactCards cards, SmsConsents consents,
                               SettingsStore settings) {
        this.forms = forms;
        this.store = store;
        this.cards = cards;
        this.consents = consents;
        this.settings = settings;
    }

    @PostMapping("/api/v1/webhooks/{tenant}" + PATH)
    ResponseEntity<String> receive(@PathVariable String tenant, HttpServletRequest request) throws IOException {
        return forms.receive(tenant, request, form -> {
            String sid = form.get("MessageSid");
            String from = form.get("From");
            String to = form.get("To");
            String text = form.get("Body");
            if (sid == null || sid.isBlank() || from == null || from.isBlank()) {
                throw ProblemException.badRequest("invalid-inbound-sms", "MessageSid and From are required");
            }
            String sender = cards.normalisePhone(from).orElse(from.strip());
            UUID card = cards.findByPhone(form.tenant(), sender).map(ContactCard::id).orElse(null);
            MessageStore.Inbound stored = store.insertInbound(sender, to == null ? "" : to.strip(), text == null ? "" : text, sid,
                    card);
            SmsKeyword keyword = SmsKeyword.of(text);
            if (stored.isNew() && keyword.consentState() != null) {
                consents.record(form.tenant(), sender, keyword.consentState(), "keyword", null,
                        "Texted " + text.strip().toUpperCase(java.util.Locale.ROOT) + " (" + sid + ")");
            }
            return twiml(reply(keyword, settings.current().settings().replies().orDefaults()));
        });
    }

    private static String reply(SmsKeyword keyword, KeywordReplies replies) {
        return switch (keyword) {
            case STOP -> replies.stop();
            case START -> replies.start();
            case HELP -> replies.help();
            case NONE -> null;
        };
    }

    private static ResponseEntity<String> twiml(String reply) {
        String xml = reply == null ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + HtmlUtils.htmlEscape(reply, "UTF-8")
                        + "</Message></Response>";
        return ResponseEntity.ok().contentType(new MediaType("text", "xml", StandardCharsets.UTF_8)).body(xml);
    }

}
