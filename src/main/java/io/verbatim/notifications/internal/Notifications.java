package io.verbatim.notifications.internal;

import io.verbatim.campaigns.CampaignAssigned;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.shopping.EvaluationFinished;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes notifications when things happen (after they are committed), e-mails them to those who asked
 * ({@link NotificationMail}), and serves the current user's.
 */
@Service
class Notifications {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Campaigns campaigns;
    private final TransactionTemplate separate;
    private final NotificationMail mail;

    Notifications(JdbcClient jdbc, JsonMapper json, Campaigns campaigns, PlatformTransactionManager transactions, NotificationMail mail) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.json = json;
        this.campaigns = campaigns;
        this.separate = new TransactionTemplate(transactions);
        // After the source transaction committed its resources may still be bound: write in a transaction of our own.
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void assigned(CampaignAssigned e) {
        TenantContext.runAs(e.tenant(), () -> {
            separate.executeWithoutResult(tx -> {
                for (UUID user : e.userIds()) {
                    insert(e.tenant(), user, "campaign.assigned", e.campaignName(), "/api/v1/campaigns/" + e.campaignId(),
                            Map.of("campaign_id", e.campaignId().toString()));
                }
            });
            e.userIds().forEach(user -> mail.send(e.tenant(), user, "campaign.assigned", e.campaignName(), "/shopping/campaigns"));
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void evaluationFinished(EvaluationFinished e) {
        String kind = "evaluation." + e.status();
        TenantContext.runAs(e.tenant(), () -> {
            Set<UUID> people = new LinkedHashSet<>();
            separate.executeWithoutResult(tx -> {
                people.add(e.shopperId());
                campaigns.find(e.campaignId()).ifPresent(c -> people.addAll(c.managerIds()));
                for (UUID user : people) {
                    insert(e.tenant(), user, kind, e.reason(), "/api/v1/evaluations/" + e.evaluationId(),
                            Map.of("evaluation_id", e.evaluationId().toString(), "campaign_id", e.campaignId().toString()));
                }
            });
            people.forEach(user -> mail.send(e.tenant(), user, kind, e.reason(), "/shopping/evaluations/" + e.evaluationId()));
        });
    }

    private void insert(TenantId tenant, UUID user, String kind, String title, String link, Map<String, String> data) {
        jdbc.sql("INSERT INTO notifications (id, tenant_id, user_id, kind, title, link, data) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")
                .params(UUID.randomUUID(), tenant.value(), user, kind, title == null ? kind : title, link, json.writeValueAsString(data))
                .update();
    }

    @Transactional(readOnly = true)
    List<Notification> mine(boolean unreadOnly, int limit) {
        return jdbc.sql("""
                SELECT * FROM notifications WHERE user_id = ? AND (NOT ? OR read_at IS NULL)
                ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(me(), unreadOnly, limit).query(this::map).list();
    }

    @Transactional(readOnly = true)
    int unread() {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL").param(me()).query(Integer.class).single();
    }

    @Transactional
    Notification read(UUID id) {
        if (jdbc.sql("UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = ? AND user_id = ?").params(id, me()).update() == 0) {
            throw ProblemException.notFound("Notification " + id);
        }
        return jdbc.sql("SELECT * FROM notifications WHERE id = ?").param(id).query(this::map).single();
    }

    @Transactional
    int readAll() {
        return jdbc.sql("UPDATE notifications SET read_at = now() WHERE user_id = ? AND read_at IS NULL").param(me()).update();
    }

    private static UUID me() {
        UUID id = CurrentUser.require().userId();
        if (id == null) {
            throw ProblemException.forbidden("Notifications belong to users, not API keys");
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    private Notification map(ResultSet rs, int n) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"), rs.getString("link"),
                json.readValue(rs.getString("data"), Map.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
    }
}
