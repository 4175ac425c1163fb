package io.verbatim.messages.internal;

/**
 * What a provider answered: accepted with its id and status, or refused with its error (never a credential).
 * {@code retryable}: a refusal that may well pass later (the provider unreachable, a 5xx or 429, an SMTP 4xx), as
 * opposed to one it will repeat (an invalid number, a rejected address).
 */
record Delivery(boolean accepted, String providerId, String status, String error, boolean retryable) {

    static Delivery accepted(String providerId, String status) {
        return new Delivery(true, providerId, status, null, false);
    }

    static Delivery refused(String error) {
        return new Delivery(false, null, "failed", error, false);
    }

    static Delivery transientlyRefused(String error) {
        return new Delivery(false, null, "failed", error, true);
    }
}
