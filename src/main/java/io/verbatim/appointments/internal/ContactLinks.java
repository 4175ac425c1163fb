package io.verbatim.appointments.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactCards;
import io.verbatim.conversations.Conversation;
import io.verbatim.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The contact cards appointments point to, through the contacts module's API, in the caller's tenant. */
@Component
class ContactLinks {

    private final ContactCards cards;

    ContactLinks(ContactCards cards) {
        this.cards = cards;
    }

    /** Another tenant's card is unknown here (the foreign key alone would not say so: it ignores row-level security). */
    boolean exists(UUID contactCardId) {
        return card(contactCardId).isPresent();
    }

    /** The card (following merges), with its property details and AI fields. */
    Optional<ContactCard> card(UUID contactCardId) {
        return cards.find(TenantContext.require(), contactCardId);
    }

    /** The card of a conversation's customer: the one intake linked it to, found the same way (phone, else none). */
    Optional<UUID> ofConversation(Conversation c) {
        if (c.customer() == null || c.customer().phone() == null) {
            return Optional.empty();
        }
        return cards.findByPhone(TenantContext.require(), c.customer().phone()).map(ContactCard::id);
    }
}
