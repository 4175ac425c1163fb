package io.verbatim.contacts.internal;

import io.verbatim.contacts.ContactCards;
import io.verbatim.contacts.ContactHint;
import io.verbatim.contacts.ContactSource;
import io.verbatim.contacts.ContactsProperties;
import io.verbatim.conversations.ConversationAccepted;
import io.verbatim.tenancy.TenantId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links every accepted conversation (upload, webhooks, recording sources, transcript import: they all enter
 * through the intake) to its contact card, inside the accepting transaction: a conversation is never visible
 * without its card, and a failed link fails the intake rather than leaving it unlinked.
 */
@Component
class IntakeLinking {

    private final ContactCards cards;
    private final ContactsProperties properties;
    private final JdbcClient jdbc;

    IntakeLinking(ContactCards cards, ContactsProperties properties, JdbcClient jdbc) {
        this.cards = cards;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConversationAccepted accepted) {
        if (!properties.linkOnIntake() || accepted.customer() == null) {
            return;
        }
        TenantId tenant = TenantId.of(accepted.tenantId());
        ContactHint hint = new ContactHint(accepted.customer().phone(), accepted.customer().email(),
                accepted.customer().name(), ContactSource.forIngestSource(accepted.source()));
        cards.findOrCreateIfIdentifiable(tenant, hint).ifPresent(card -> ConversationLinks.link(jdbc, tenant,
                accepted.conversationId(), card));
    }
}
