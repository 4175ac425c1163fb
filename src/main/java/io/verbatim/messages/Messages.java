package io.verbatim.messages;

/** Sends messages for the current tenant; every one is logged whatever happens to it. */
public interface Messages {

    /**
     * Logs the message as queued, hands it to the provider and records the answer: {@code sent} with the provider's
     * id, or {@code failed} with the provider's error. Never throws for a provider failure; the returned message says it.
     *
     * @throws io.verbatim.platform.ProblemException 400 for an invalid message
     */
    Message send(NewMessage message);

    /** The current tenant's confirmation and reminder settings. */
    MessageSettings settings();

    /**
     * Saves the current tenant's settings (switching confirmations on confirms appointments booked from now on). With no
     * provider credential for the channel, confirmations and reminders are logged {@code not_sent}, never faked.
     */
    MessageSettings configure(MessageSettings settings);
}
