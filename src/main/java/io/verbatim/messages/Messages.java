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
}
