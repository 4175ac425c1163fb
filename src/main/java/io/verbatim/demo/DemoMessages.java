package io.verbatim.demo;

import io.verbatim.messages.MessageSettings;
import io.verbatim.messages.Messages;
import io.verbatim.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/**
 * The demo tenant confirms its appointments by SMS, as a clinic or salon would, but the demo has no SMS or mail
 * provider: so the confirmations of the bookings its voice agents make are logged on the messages page as
 * {@code not_sent}, "No SMS provider configured", by the same code that sends them for a configured tenant. Nothing
 * pretends to have been sent. Only a tenant whose message settings were never saved is switched on, so an admin's
 * own choice survives a restart.
 */
@Component
public class DemoMessages {

    private final Messages messages;

    DemoMessages(Messages messages) {
        this.messages = messages;
    }

    /** Switches the demo tenant's SMS confirmations on unless its settings were saved before; returns whether it did. */
    public boolean enableConfirmations() {
        return TenantContext.callAs(DemoSeed.DEMO, () -> {
            if (messages.settings().updatedAt() != null) {
                return false;
            }
            messages.configure(new MessageSettings(true, false, MessageSettings.DEFAULTS.reminderHoursBefore(), "sms", null));
            return true;
        });
    }
}
