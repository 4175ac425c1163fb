package io.verbatim.webhooks.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.ConversationCompleted;
import io.verbatim.conversations.ConversationFailed;
import io.verbatim.conversations.Conversations;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.webhooks.OutboundEvent;
import io.verbatim.webhooks.WebhookEventTypes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enqueues a delivery per subscribed endpoint, synchronously, inside the transaction that publishes the
 * event: a conversation is recorded as completed (or failed) together with its deliveries, or neither.
 * After the commit, the tenant's deliveries are sent at once.
 */
@Component
class DeliveryEnqueuer {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEnqueuer.class);
    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final Conversations conversations;
    private final DeliveryWorker worker;
    private final JsonMapper json;
    private final FeatureFlags flags;

    DeliveryEnqueuer(Endpoints endpoints, Deliveries deliveries, Conversations conversations, DeliveryWorker worker, JsonMapper json,
                     FeatureFlags flags) {
        this.flags = flags;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.conversations = conversations;
        this.worker = worker;
        this.json = json;
    }

    @EventListener
    void on(ConversationCompleted event) {
        Map<String, Object> data = conversationData(event.conversationId());
        data.put("status", "completed");
        data.put("stage", event.stage());
        enqueue(event.tenantId(), WebhookEventTypes.CONVERSATION_COMPLETED, data);
    }

    @EventListener
    void on(ConversationFailed event) {
        Map<String, Object> data = conversationData(event.conversationId());
        data.put("status", "failed");
        data.put("stage", event.stage());
        data.put("error_type", event.errorType());
        data.put("error", event.error());
        enqueue(event.tenantId(), WebhookEventTypes.CONVERSATION_FAILED, data);
    }

    @EventListener
    void on(OutboundEvent event) {
        if (!WebhookEventTypes.ALL.contains(event.type())) {
            log.error("Outbound event of unknown type '{}' ignored", event.type());
            return;
        }
        enqueue(event.tenantId(), event.type(), new LinkedHashMap<>(event.data()));
    }

    private Map<String, Object> conversationData(UUID id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation_id", id.toString());
        conversations.find(id).ifPresent((Conversation c) -> {
            data.put("source", c.source());
            if (c.externalId() != null) {
                data.put("external_id", c.externalId());
            }
        });
        data.put("url", "/api/v1/conversations/" + id);
        return data;
    }

    private void enqueue(String tenantId, String type, Map<String, Object> data) {
        TenantId tenant = new TenantId(tenantId);
        if (!TenantContext.current().map(tenant::equals).orElse(false)) {
            log.error("Event {} for {} published outside that tenant's context; no deliveries", type, tenantId);
            return;
        }
        if (!flags.enabled(FlagKeys.OUTBOUND_WEBHOOKS)) {
            return; // switched off for this tenant: nothing is queued, so nothing is sent later either
        }
        List<Endpoints.Endpoint> targets = endpoints.subscribed(type);
        if (targets.isEmpty()) {
            return;
        }
        data.putIfAbsent("tenant_id", tenantId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", Instant.now().toString());
        payload.put("data", data);
        String body = json.writeValueAsString(payload);
        for (Endpoints.Endpoint endpoint : targets) {
            deliveries.enqueue(endpoint.id(), type, body);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.kick(tenant);
                }
            });
        } else {
            worker.kick(tenant);
        }
    }
}
