package io.verbatim.messages.internal;

/** What a provider answered: accepted with its id and status, or refused with its error (never a credential). */
record Delivery(boolean accepted, String providerId, String status, String error) {

    static Delivery accepted(String providerId, String status) {
        return new Delivery(true, providerId, status, null);
    }

    static Delivery refused(String error) {
        return new Delivery(false, null, "failed", error);
    }
}
