package io.verbatim.appointments.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The contact cards appointments point to, through the contacts module's API (under the caller's tenant). */
@Component
class ContactLinks {

    boolean exists(UUID contactCardId) {
        return card(contactCardId).isPresent();
    }

    /** The card as the contacts module presents it (names, phones, property details, last call summary). */
    Optional<Object> card(UUID contactCardId) {
        return Optional.empty(); // PENDING contacts merge
    }

    /** The card a conversation was linked to at ingest. */
    Optional<UUID> ofConversation(UUID conversationId) {
        return Optional.empty(); // PENDING contacts merge
    }

    static String lastCallSummary(Object card) {
        return null; // PENDING contacts merge
    }

    static Object propertyDetails(Object card) {
        return null; // PENDING contacts merge
    }
}
