package io.verbatim.webhooks.internal;

import io.verbatim.platform.database.DatabaseRole;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code webhooks}: the outbound delivery backlog across tenants
 * (counts only, read with the owner role) and the inbound inbox still to process. A backlog is reported,
 * not judged: receivers being down is their state, not ours.
 */
@Component("webhooks")
class WebhooksHealthIndicator implements HealthIndicator {

    private final JdbcClient owner;

    WebhooksHealthIndicator(@Qualifier(DatabaseRole.OWNER) DataSource owner) {
        this.owner = JdbcClient.create(owner);
    }

    @Override
    public Health health() {
        var deliveries = owner.sql("""
                SELECT count(*) FILTER (WHERE status IN ('pending', 'sending')) AS "deliveryBacklog",
                       count(*) FILTER (WHERE status IN ('pending', 'sending') AND attempts > 0) AS "deliveriesRetrying",
                       count(*) FILTER (WHERE status = 'failed' AND completed_at > now() - interval '1 day') AS "deliveriesFailedLastDay",
                       coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('pending', 'sending')))::bigint, 0)
                           AS "oldestPendingSeconds"
                FROM webhook_deliveries""").query().singleRow();
        long inbox = owner.sql("SELECT count(*) FROM webhook_inbox WHERE status IN ('pending', 'processing')")
                .query(Long.class).single();
        return Health.up().withDetails(deliveries).withDetail("inboxBacklog", inbox).build();
    }
}
