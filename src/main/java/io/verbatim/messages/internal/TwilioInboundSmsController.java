package io.verbatim.messages.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactCards;
import io.verbatim.contacts.SmsConsents;
import io.verbatim.credentials.CredentialFields;
import io.verbatim.credentials.Credentials;
import io.verbatim.messages.KeywordReplies;
import io.verbatim.messages.MessagesProperties;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import io.verbatim.webhooks.TwilioSignatures;
import io.verbatim.webhooks.WebhookProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final int MAX_BODY = 64 * 1024;
    private final Tenants tenants;
    private final Credentials credentials;
    private final MessagesProperties properties;
    private final WebhookProperties webhooks;
    private final MessageStore store;
    private final ContactCards cards;
    private final SmsConsents consents;
    private final SettingsStore settings;

    TwilioInboundSmsController(Tenants tenants, Credentials credentials, MessagesProperties properties,
                               WebhookProperties webhooks, MessageStore store, ContactCards cards, SmsConsents consents,
                               SettingsStore settings) {
        this.tenants = tenants;
        this.credentials = credentials;
        this.properties = properties;
        this.webhooks = webhooks;
        this.store = store;
        this.cards = cards;
        this.consents = consents;
        this.settings = settings;
    }

    @PostMapping("/api/v1/webhooks/{tenant}" + PATH)
    ResponseEntity<String> receive(@PathVariable String tenant, HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY || !TenantId.isValid(tenant) || !tenants.isActive(new TenantId(tenant))) {
            throw TwilioStatusController.unauthorized();
        }
        List<Map.Entry<String, String>> params = TwilioStatusController.parse(new String(body, StandardCharsets.UTF_8));
        String url = TwilioStatusController.url(webhooks, request);
        String signature = request.getHeader("X-Twilio-Signature");
        TenantId id = new TenantId(tenant);
        return TenantContext.callAs(id, () -> {
            Optional<CredentialFields> credential = credentials.find(properties.smsCredential());
            if (credential.isEmpty() || !TwilioSignatures.validForm(credential.get().get("auth_token").orElse(null), url, params,
                    signature)) {
                throw TwilioStatusController.unauthorized();
            }
            String sid = TwilioStatusController.first(params, "MessageSid");
            String from = TwilioStatusController.first(params, "From");
            String to = TwilioStatusController.first(params, "To");
            String text = TwilioStatusController.first(params, "Body");
            if (sid == null || sid.isBlank() || from == null || from.isBlank()) {
                throw ProblemException.badRequest("invalid-inbound-sms", "MessageSid and From are required");
            }
            String sender = cards.normalisePhone(from).orElse(from.strip());
            UUID card = cards.findByPhone(id, sender).map(ContactCard::id).orElse(null);
            MessageStore.Inbound stored = store.insertInbound(sender, to == null ? "" : to.strip(), text == null ? "" : text, sid,
                    card);
            SmsKeyword keyword = SmsKeyword.of(text);
            if (stored.isNew() && keyword.consentState() != null) {
                consents.record(id, sender, keyword.consentState(), "keyword", null,
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
