package io.verbatim.followups.internal;

import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactCards;
import io.verbatim.conversations.AnalysisUpdated;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.conversations.Conversations;
import io.verbatim.followups.FollowupsProperties;
import io.verbatim.followups.Task;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Turns an analysed conversation's open action items that the business owns into tasks for the person who handled
 * the call (the system when nobody did). Runs after the analysis commits, in a transaction of its own, so a failure
 * here never fails the analysis; the natural key makes re-analysis a no-op.
 */
@Component
class TasksFromAnalysis {

    private static final Logger log = LoggerFactory.getLogger(TasksFromAnalysis.class);
    private final Conversations conversations;
    private final ConversationAnalyses analyses;
    private final ContactCards contacts;
    private final Users users;
    private final TaskStore store;
    private final FollowupsProperties properties;
    private final TransactionTemplate separate;

    TasksFromAnalysis(Conversations conversations, ConversationAnalyses analyses, ContactCards contacts, Users users,
                      TaskStore store, FollowupsProperties properties, PlatformTransactionManager transactions) {
        this.conversations = conversations;
        this.analyses = analyses;
        this.contacts = contacts;
        this.users = users;
        this.store = store;
        this.properties = properties;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void on(AnalysisUpdated event) {
        try {
            TenantContext.runAs(TenantId.of(event.tenantId()), () -> separate.executeWithoutResult(tx -> create(event.conversationId())));
        } catch (RuntimeException e) {
            log.warn("Tasks for conversation {} were not created: {}", event.conversationId(), e.toString());
        }
    }

    /** @return how many new tasks the conversation's action items made */
    int create(UUID conversationId) {
        Conversation c = conversations.find(conversationId).orElse(null);
        JsonNode call = analyses.find(conversationId).map(ConversationAnalyses.Records::call).orElse(null);
        if (c == null || call == null) {
            return 0;
        }
        User agent = c.agent() == null || c.agent().userId() == null ? null : users.find(c.agent().userId()).orElse(null);
        UUID contact = c.customer() == null || c.customer().phone() == null ? null
                : contacts.findByPhone(TenantContext.require(), c.customer().phone()).map(ContactCard::id).orElse(null);
        Instant when = c.startedAt() != null ? c.startedAt() : c.createdAt();
        LocalDate callDay = when.atZone(properties.zone()).toLocalDate();
        int created = 0;
        for (JsonNode item : call.path("action_items")) {
            if (!"agent".equals(item.path("owner").asString(""))) {
                continue;
            }
            String text = item.path("text").asString("");
            String hint = item.path("due").isString() ? item.get("due").asString() : null;
            Task task = new Task(UUID.randomUUID(), contact, conversationId, null, ActionItemTasks.category(text), text,
                    ActionItemTasks.due(hint, text, callDay), hint, kind(agent), agent == null ? null : agent.id(), "open",
                    "analysis", null, null);
            created += store.insert(task) ? 1 : 0;
        }
        return created;
    }

    private static String kind(User agent) {
        if (agent == null) {
            return "system";
        }
        if (agent.agentKind() == AgentKind.CSR) {
            return "csr";
        }
        if (agent.agentKind() == AgentKind.SALES_REP) {
            return "sales_rep";
        }
        return agent.role() == io.verbatim.identity.Role.EXECUTIVE ? "exec" : "system";
    }
}
