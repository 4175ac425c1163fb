package io.verbatim.followups.internal;

import io.verbatim.contacts.ContactTimelineSource;
import io.verbatim.contacts.TimelineItem;
import io.verbatim.followups.Task;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A card's tasks on its timeline, as the tasks API scopes them: an agent sees the tasks assigned to them. */
@Component
class TaskTimeline implements ContactTimelineSource {

    private final TaskStore store;

    TaskTimeline(TaskStore store) {
        this.store = store;
    }

    @Override
    public List<TimelineItem> timelineOf(UUID card) {
        CurrentUser user = CurrentUser.require();
        if (user.role() == Role.AGENT && (user.agentKind() == AgentKind.SHOPPER || user.userId() == null)) {
            return List.of();
        }
        UUID assignee = user.role() == Role.AGENT ? user.userId() : null;
        return store.list(assignee, null, card, null, null, 50).stream().map(TaskTimeline::item).toList();
    }

    private static TimelineItem item(Task t) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", t.status());
        detail.put("category", t.category());
        detail.put("assignee_kind", t.assigneeKind());
        if (t.dueDate() != null) {
            detail.put("due_date", t.dueDate());
        }
        if (t.sourceConversationId() != null) {
            detail.put("source_conversation_id", t.sourceConversationId());
        }
        return new TimelineItem("task", t.id(), t.createdAt(), t.title(), detail);
    }
}
