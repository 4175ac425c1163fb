package io.verbatim.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something a tenant's webhook endpoints may want to hear about. Any module publishes one (Spring
 * {@code ApplicationEventPublisher}) inside the transaction that records the change; the deliveries are
 * enqueued in that same transaction, so they exist exactly when the change does.
 *
 * @param tenantId the tenant whose endpoints hear it
 * @param type     one of {@link WebhookEventTypes#ALL}
 * @param data     the {@code data} object of the payload (snake_case keys)
 */
public record OutboundEvent(String tenantId, String type, Map<String, Object> data) {

    /**
     * {@code analysis.updated}: published by the analysis module when a conversation's analysis document
     * is written (first analysis or re-analysis).
     *
     * @param version the analysis document's version (for example {@code v1.0}), or null
     * @param reason  why it was (re)computed: {@code pipeline}, {@code reanalysis}, {@code config-changed}...
     */
    public static OutboundEvent analysisUpdated(String tenantId, UUID conversationId, String version, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation_id", conversationId.toString());
        if (version != null) {
            data.put("analysis_version", version);
        }
        if (reason != null) {
            data.put("reason", reason);
        }
        return new OutboundEvent(tenantId, WebhookEventTypes.ANALYSIS_UPDATED, data);
    }
}
