package io.verbatim.messages.internal;

import io.verbatim.appointments.Appointments;
import io.verbatim.appointments.AppointmentsProperties;
import io.verbatim.contacts.SmsConsent;
import io.verbatim.contacts.SmsConsents;
import io.verbatim.credentials.CredentialFields;
import io.verbatim.credentials.Credentials;
import io.verbatim.messages.Message;
import io.verbatim.messages.Messages;
import io.verbatim.messages.MessageSettings;
import io.verbatim.messages.MessagesProperties;
import io.verbatim.messages.NewMessage;
import io.verbatim.messages.QuietHours;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.webhooks.WebhookProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Logs each message as queued before it leaves, so that the audit trail holds it whatever the provider does, then
 * records the provider's answer. A missing or incomplete credential fails the message (logged), it does not vanish.
 */
@Service
class MessageSender implements Messages {

    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+");
    private static final List<String> PURPOSES = List.of("manual", "confirmation", "reminder", "notification");
    static final String STATUS_PATH = "/twilio-messages";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final MessageStore store;
    private final Credentials credentials;
    private final MessagesProperties properties;
    private final WebhookProperties webhooks;
    private final TwilioSms sms;
    private final SmtpMail mail;
    private final SettingsStore settings;

    private final SmsConsents consents;
    private final Appointments appointments;
    private final AppointmentsProperties zone;

    MessageSender(MessageStore store, Credentials credentials, MessagesProperties properties, WebhookProperties webhooks,
                  TwilioSms sms, SmtpMail mail, SettingsStore settings, SmsConsents consents, Appointments appointments,
                  AppointmentsProperties zone) {
        this.store = store;
        this.consents = consents;
        this.appointments = appointments;
        this.zone = zone;
        this.settings = settings;
        this.credentials = credentials;
        this.properties = properties;
        this.webhooks = webhooks;
        this.sms = sms;
        this.mail = mail;
    }

    @Override
    public Message send(NewMessage m) {
        return sendOnce(m).orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.CONFLICT,
                "message-already-sent", "Message already sent", "A " + m.purpose() + " of appointment " + m.appointmentId()
                + " was sent before"));
    }

    @Override
    public MessageSettings settings() {
        return settings.current().settings();
    }

    @Override
    public MessageSettings configure(MessageSettings wanted) {
        return settings.save(wanted);
    }

    /** Sends unless a confirmation or reminder of the same appointment was logged before (then empty). */
    Optional<Message> sendOnce(NewMessage m) {
        NewMessage valid = validate(m);
        if (valid.createdBy() != null) {
            refuseIfOptedOut(valid.channel(), valid.to());
        }
        Optional<Message> queued = store.insert(valid);
        if (queued.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(deliver(queued.get(), Instant.now()));
    }

    /**
     * Sends a failed (or undelivered) message again, the same row with the same words to the same address: the
     * audit trail keeps one message per confirmation or reminder, with its latest outcome.
     *
     * @throws ProblemException 404 for an unknown (or another tenant's) message, 409 {@code message-not-failed} otherwise
     */
    Message retry(UUID id) {
        Message existing = store.find(id).orElseThrow(() -> ProblemException.notFound("Message " + id));
        if ("inbound".equals(existing.direction())) {
            throw ProblemException.conflict("message-not-failed", "Message " + id + " is an inbound text");
        }
        refuseIfOptedOut(existing.channel(), existing.to());
        Message queued = store.requeue(id).orElseThrow(() -> ProblemException.conflict("message-not-failed",
                "Message " + id + " is " + existing.status() + ": only a failed, undelivered or unsent message is sent again"));
        return deliver(queued, Instant.now());
    }

    /** Tries a claimed retry (queued again by the scan), or a text held for quiet hours, at {@code now}. */
    Message redeliver(Message claimed, Instant now) {
        return deliver(claimed, now);
    }

    /** Whether {@code now} is in the current tenant's quiet hours (a manual text then goes, with a warning). */
    boolean quietAt(Instant now) {
        QuietHours quiet = settings.current().settings().quietHours();
        return quiet != null && quiet.heldUntil(now, zone.zone()).isPresent();
    }

    /** Carriers forbid texting a number that opted out: a person's send or Retry is refused, 409. */
    private void refuseIfOptedOut(String channel, String to) {
        if (!"sms".equals(channel)) {
            return;
        }
        SmsConsent consent = consents.of(TenantContext.require(), to);
        if (consent.optedOut()) {
            throw ProblemException.conflict("recipient-opted-out", optedOut(consent) + ": texts to this number are not sent");
        }
    }

    private static String optedOut(SmsConsent consent) {
        String how = "keyword".equals(consent.source()) ? "STOP" : consent.source();
        return "Recipient opted out (" + how + ") on " + DAY.format(consent.changedAt().atZone(ZoneOffset.UTC));
    }

    private Message deliver(Message message, Instant now) {
        boolean text = "sms".equals(message.channel());
        if (text) {
            SmsConsent consent = consents.of(TenantContext.require(), message.to());
            if (consent.optedOut()) {
                // an automatic text (a person's was refused before it was logged): on the log, never sent, never retried
                return store.notSent(message.id(), optedOut(consent));
            }
        }
        String credentialName = "sms".equals(message.channel()) ? properties.smsCredential() : properties.emailCredential();
        Optional<CredentialFields> credential = credentials.find(credentialName);
        if (credential.isEmpty()) {
            // Honest about it: nothing was handed to anyone, and no retry will change that until one is configured.
            return store.notSent(message.id(), "No " + ("sms".equals(message.channel()) ? "SMS" : "e-mail")
                    + " provider configured (credential '" + credentialName + "')");
        }
        if (text && message.createdBy() == null) {
            Optional<Message> held = holdForQuietHours(message, now);
            if (held.isPresent()) {
                return held.get();
            }
        }
        Delivery delivery;
        try {
            delivery = "sms".equals(message.channel())
                    ? sms.send(credential.get(), message.to(), message.body(), statusCallback())
                    : mail.send(credential.get(), message.to(), message.subject(), message.body());
        } catch (ProblemException e) {
            delivery = Delivery.refused(e.getMessage());
        }
        if (delivery.accepted()) {
            return store.sent(message.id(), delivery.providerId(), delivery.status());
        }
        return store.failed(message.id(), delivery.error(), retryAt(message, delivery));
    }

    /** Confirmations and reminders that failed for a reason that may pass are tried again, a bounded number of times. */
    private Instant retryAt(Message message, Delivery delivery) {
        if (!delivery.retryable() || message.appointmentId() == null
                || !("confirmation".equals(message.purpose()) || "reminder".equals(message.purpose()))) {
            return null;
        }
        Duration wait = properties.backoffAfter(message.attempts());
        return wait == null ? null : Instant.now().plus(wait);
    }

    /**
     * An automatic text due in quiet hours waits for their end (queued, the scan sends it then); one for an appointment
     * that starts before then is not sent at all, as it would arrive too late.
     */
    private Optional<Message> holdForQuietHours(Message message, Instant now) {
        QuietHours quiet = settings.current().settings().quietHours();
        Optional<Instant> until = quiet == null ? Optional.empty() : quiet.heldUntil(now, zone.zone());
        if (until.isEmpty()) {
            return Optional.empty();
        }
        if (message.appointmentId() != null && appointments.find(message.appointmentId())
                .filter(a -> a.scheduledStart().isAfter(until.get())).isEmpty()) {
            return Optional.of(store.notSent(message.id(), "Not sent: quiet hours until " + until.get()
                    + ", and the appointment starts before then (or is no longer scheduled)"));
        }
        return Optional.of(store.hold(message.id(), until.get()));
    }

    private static NewMessage validate(NewMessage m) {
        if (m == null || m.channel() == null || !io.verbatim.messages.Message.CHANNELS.contains(m.channel())) {
            throw ProblemException.badRequest("invalid-message", "channel must be one of " + Message.CHANNELS);
        }
        if (m.to() == null || !(m.channel().equals("sms") ? PHONE : EMAIL).matcher(m.to().strip()).matches()) {
            throw ProblemException.badRequest("invalid-message", m.channel().equals("sms")
                    ? "to must be a phone number in E.164 form (+15551234567)" : "to must be an e-mail address");
        }
        if (m.body() == null || m.body().isBlank() || m.body().length() > 10_000) {
            throw ProblemException.badRequest("invalid-message", "body is required (at most 10000 characters)");
        }
        if (m.channel().equals("email") && (m.subject() == null || m.subject().isBlank() || m.subject().length() > 500
                || m.subject().contains("\n") || m.subject().contains("\r"))) {
            throw ProblemException.badRequest("invalid-message", "An e-mail needs a one-line subject (at most 500 characters)");
        }
        String purpose = m.purpose() == null ? "manual" : m.purpose();
        if (!PURPOSES.contains(purpose)) {
            throw ProblemException.badRequest("invalid-message", "purpose must be one of " + PURPOSES);
        }
        return new NewMessage(m.channel(), m.to().strip(), m.channel().equals("sms") ? null : m.subject(), m.body(), purpose,
                m.appointmentId(), m.contactCardId(), m.createdBy());
    }

    /** Where Twilio reports status: the public base URL, else this request's own; none off a request without one. */
    private String statusCallback() {
        String base = webhooks.publicBaseUrl();
        if (base == null || base.isBlank()) {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return null;
            }
            HttpServletRequest request = attributes.getRequest();
            base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        }
        return base.replaceAll("/+$", "") + "/api/v1/webhooks/" + TenantContext.require().value() + STATUS_PATH;
    }
}
