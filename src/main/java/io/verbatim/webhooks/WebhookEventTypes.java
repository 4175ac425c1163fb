package io.verbatim.webhooks;

import java.util.List;

/** The event types a tenant's endpoints can subscribe to. */
public final class WebhookEventTypes {

    /** A conversation went through the whole pipeline ({@code io.verbatim.conversations.ConversationCompleted}). */
    public static final String CONVERSATION_COMPLETED = "conversation.completed";
    /** A conversation failed for good at a stage ({@code io.verbatim.conversations.ConversationFailed}). */
    public static final String CONVERSATION_FAILED = "conversation.failed";
    /**
     * A conversation's analysis was (re)computed. The analysis module publishes
     * {@link OutboundEvent#analysisUpdated} inside the transaction that stores the analysis.
     */
    public static final String ANALYSIS_UPDATED = "analysis.updated";

    public static final List<String> ALL = List.of(CONVERSATION_COMPLETED, CONVERSATION_FAILED, ANALYSIS_UPDATED);

    private WebhookEventTypes() {
    }
}
