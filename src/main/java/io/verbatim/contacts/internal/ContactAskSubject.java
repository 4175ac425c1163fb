package io.verbatim.contacts.internal;

import io.verbatim.ask.AskSubject;
import io.verbatim.contacts.ContactCards;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ask about a contact card ({@code contact_card_id}): its conversations (a merged card's id answers the survivor's).
 * Every role reads the directory; which of the card's conversations a question reaches is the caller's Ask scope.
 */
@Component
class ContactAskSubject implements AskSubject {

    private final ContactCards cards;
    private final JdbcClient jdbc;

    ContactAskSubject(ContactCards cards, JdbcClient jdbc) {
        this.cards = cards;
        this.jdbc = jdbc;
    }

    @Override
    public String field() {
        return "contact_card_id";
    }

    @Override
    public Optional<Set<UUID>> conversations(UUID id) {
        TenantId tenant = TenantContext.require();
        return cards.find(tenant, id).map(card -> new HashSet<>(jdbc.sql(
                        "SELECT id FROM conversations WHERE tenant_id = ? AND contact_card_id = ?")
                .params(tenant.value(), card.id()).query(UUID.class).list()));
    }
}
