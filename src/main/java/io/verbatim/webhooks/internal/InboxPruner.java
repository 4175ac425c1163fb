package io.verbatim.webhooks.internal;

import io.verbatim.platform.database.DatabaseRole;
import io.verbatim.webhooks.WebhookProperties;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Received webhook bodies can hold personal data and recordings' URLs: once an event is handled and
 * older than {@code inbox-payload-retention}, its body is cleared. The row itself stays, because its
 * provider event id is what makes a late redelivery a no-op. Runs across tenants with the owner role
 * (a housekeeping job has no tenant of its own).
 */
@Component
class InboxPruner {

    private final JdbcClient owner;
    private final WebhookProperties properties;

    InboxPruner(@Qualifier(DatabaseRole.OWNER) DataSource owner, WebhookProperties properties) {
        this.owner = JdbcClient.create(owner);
        this.properties = properties;
    }

    /** Returns how many bodies were cleared. */
    int prune() {
        return owner.sql("""
                UPDATE webhook_inbox SET payload = ''::bytea
                WHERE status IN ('done', 'ignored', 'failed') AND octet_length(payload) > 0
                  AND coalesce(processed_at, received_at) < now() - make_interval(secs => ?)""")
                .param(properties.inboxPayloadRetention().toSeconds()).update();
    }
}
