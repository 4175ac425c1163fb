package io.verbatim.messages.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.appointments.Appointments;
import io.verbatim.appointments.AppointmentsProperties;
import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactCards;
import io.verbatim.messages.Message;
import io.verbatim.messages.NewMessage;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Appointment confirmations (for appointments booked since confirmations were switched on, within the last day) and
 * reminders (for those starting within the tenant's reminder window), on a recurring scan. Durable: the message is
 * logged before it is sent and a unique index allows one confirmation and one reminder per appointment and channel,
 * so overlapping scans, restarts and several nodes never send one twice.
 */
@Component
class AppointmentMessages {

    private static final Logger log = LoggerFactory.getLogger(AppointmentMessages.class);
    private static final int BATCH = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final Tenants tenants;
    private final SettingsStore settings;
    private final Appointments appointments;
    private final ContactCards contacts;
    private final MessageSender sender;
    private final MessageStore store;
    private final AppointmentsProperties zone;

    AppointmentMessages(Tenants tenants, SettingsStore settings, Appointments appointments, ContactCards contacts,
                        MessageSender sender, MessageStore store, AppointmentsProperties zone) {
        this.store = store;
        this.tenants = tenants;
        this.settings = settings;
        this.appointments = appointments;
        this.contacts = contacts;
        this.sender = sender;
        this.zone = zone;
    }

    void runAll() {
        tenants.forEachActive(t -> {
            try {
                TenantContext.runAs(t.id(), () -> run(t.id()));
            } catch (RuntimeException e) {
                log.warn("Appointment messages for {} failed: {}", t.id().value(), e.toString());
            }
        });
    }

    /** One scan of the current tenant; returns how many messages were sent (or failed) now. */
    int run(TenantId tenant) {
        SettingsStore.Current current = settings.current();
        Instant now = Instant.now();
        int n = retryDue(now);
        if (current.settings().confirmationsEnabled() && current.confirmationsSince() != null) {
            Instant since = current.confirmationsSince().isAfter(now.minus(Duration.ofDays(1)))
                    ? current.confirmationsSince() : now.minus(Duration.ofDays(1));
            for (Appointment a : appointments.createdSince(since, BATCH)) {
                if (a.scheduledStart().isAfter(now) && send(tenant, a, "confirmation", current.settings().channel())) {
                    n++;
                }
            }
        }
        if (current.settings().remindersEnabled()) {
            Instant until = now.plus(Duration.ofHours(current.settings().reminderHoursBefore()));
            for (Appointment a : appointments.startingBetween(now, until, BATCH)) {
                if (send(tenant, a, "reminder", current.settings().channel())) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Tries again the failed confirmations and reminders due at {@code now} (see {@link MessageSender#redeliver}), and
     * sends the automatic texts held for quiet hours that ended by {@code now}, unless their appointment has passed or
     * is no longer scheduled; returns how many were tried.
     */
    int retryDue(Instant now) {
        int n = 0;
        for (Message claimed : store.claimDueRetries(now, BATCH)) {
            boolean ahead = claimed.appointmentId() != null && appointments.find(claimed.appointmentId())
                    .filter(a -> "scheduled".equals(a.status()) && a.scheduledStart().isAfter(Instant.now())).isPresent();
            if (ahead) {
                sender.redeliver(claimed, now);
                n++;
            } else {
                store.abandon(claimed.id(), "not tried again: the appointment has passed or is no longer scheduled");
            }
        }
        for (Message held : store.claimDueHeld(now, BATCH)) {
            boolean ahead = held.appointmentId() == null || appointments.find(held.appointmentId())
                    .filter(a -> "scheduled".equals(a.status()) && a.scheduledStart().isAfter(now)).isPresent();
            if (ahead) {
                sender.redeliver(held, now);
                n++;
            } else {
                store.notSent(held.id(), "Not sent after quiet hours: the appointment has passed or is no longer scheduled");
            }
        }
        return n;
    }

    /**
     * The confirmation of one appointment just booked, when the tenant confirms and it is still to come; the scan
     * catches up on any this missed (a crash between the booking's commit and the send). Once per appointment and
     * channel, whoever gets there first.
     */
    boolean confirm(TenantId tenant, java.util.UUID appointmentId) {
        SettingsStore.Current current = settings.current();
        if (!current.settings().confirmationsEnabled() || current.confirmationsSince() == null) {
            return false;
        }
        return appointments.find(appointmentId)
                .filter(a -> "scheduled".equals(a.status()) && a.scheduledStart().isAfter(Instant.now()))
                .map(a -> send(tenant, a, "confirmation", current.settings().channel())).orElse(false);
    }

    private boolean send(TenantId tenant, Appointment a, String purpose, String channel) {
        if (a.contactCardId() == null) {
            return false;
        }
        Optional<ContactCard> card = contacts.find(tenant, a.contactCardId());
        String to = card.map(c -> channel.equals("sms") ? c.primaryPhone() : c.email()).orElse(null);
        if (to == null || to.isBlank()) {
            return false;
        }
        String what = a.serviceType() == null || a.serviceType().isBlank() ? "appointment" : a.serviceType() + " appointment";
        String when = WHEN.format(a.scheduledStart().atZone(zone.zone()));
        String body = purpose.equals("confirmation")
                ? "Your " + what + " is confirmed for " + when + "."
                : "Reminder: your " + what + " is on " + when + ".";
        String subject = purpose.equals("confirmation") ? "Your appointment is confirmed" : "Appointment reminder";
        try {
            return sender.sendOnce(new NewMessage(channel, to, subject, body, purpose, a.id(), a.contactCardId(), null)).isPresent();
        } catch (ProblemException e) {
            // A contact whose number or address is not sendable: nothing to log, nothing to retry.
            log.debug("No {} for appointment {}: {}", purpose, a.id(), e.getMessage());
            return false;
        }
    }
}
