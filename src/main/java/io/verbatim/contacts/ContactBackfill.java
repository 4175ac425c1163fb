package io.verbatim.contacts;

import io.verbatim.contacts.internal.ConversationLinks;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links conversations accepted before contact cards existed (or while linking was off) to their cards, in
 * batches of short transactions so a large tenant is never locked for long. Safe to re-run: it only looks at
 * conversations without a card, and skips those that name no phone or e-mail.
 */
@Service
public class ContactBackfill {

    private static final int BATCH = 500;
    private final ContactCards cards;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public ContactBackfill(ContactCards cards, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.cards = cards;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Unlinked(UUID id, String source, String name, String phone, String email) {
    }

    /** Returns how many conversations were linked. */
    public int run(TenantId tenant) {
        int linked = 0;
        // The nil UUID: PostgreSQL orders uuids as unsigned bytes, so Java's signed minimum would skip every id below 8…
        UUID after = new UUID(0L, 0L);
        while (true) {
            UUID from = after;
            List<Unlinked> batch = TenantContext.callAs(tenant, () -> transaction.execute(tx -> jdbc.sql("""
                    SELECT id, source, customer_name, customer_phone, customer_email FROM conversations
                    WHERE tenant_id = ? AND contact_card_id IS NULL AND id > ?
                      AND (customer_phone IS NOT NULL OR customer_email IS NOT NULL)
                    ORDER BY id LIMIT ?""").params(tenant.value(), from, BATCH)
                    .query((rs, n) -> new Unlinked(rs.getObject("id", UUID.class), rs.getString("source"),
                            rs.getString("customer_name"), rs.getString("customer_phone"), rs.getString("customer_email")))
                    .list()));
            if (batch.isEmpty()) {
                return linked;
            }
            linked += TenantContext.callAs(tenant, () -> transaction.execute(tx -> {
                int n = 0;
                for (Unlinked c : batch) {
                    var card = cards.findOrCreateIfIdentifiable(tenant, new ContactHint(c.phone(), c.email(), c.name(),
                            ContactSource.forIngestSource(c.source())));
                    if (card.isPresent()) {
                        ConversationLinks.link(jdbc, tenant, c.id(), card.get());
                        n++;
                    }
                }
                return n;
            }));
            after = batch.getLast().id();
        }
    }
}
