package io.verbatim.contacts.internal;

import io.verbatim.tenancy.TenantId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code conversations.contact_card_id}: the column this module added (V24) and the only one of that table it writes. */
public final class ConversationLinks {

    private ConversationLinks() {
    }

    public static void link(JdbcClient jdbc, TenantId tenant, UUID conversationId, UUID cardId) {
        jdbc.sql("UPDATE conversations SET contact_card_id = ? WHERE tenant_id = ? AND id = ?")
                .params(cardId, tenant.value(), conversationId).update();
    }
}
