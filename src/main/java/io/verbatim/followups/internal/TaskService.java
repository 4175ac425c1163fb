package io.verbatim.followups.internal;

import io.verbatim.followups.Task;
import io.verbatim.followups.Tasks;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** {@link Tasks} over the tasks table. */
@Service
class TaskService implements Tasks {

    private final TaskStore store;
    private final Users users;

    TaskService(TaskStore store, Users users) {
        this.store = store;
        this.users = users;
    }

    @Override
    public Task add(UUID contactCardId, String category, String title, LocalDate dueDate, UUID assigneeId) {
        Task task = new Task(UUID.randomUUID(), contactCardId, null, null, category == null ? "follow_up" : category,
                title.strip(), dueDate, null, kindOf(assigneeId), assigneeId, "open", "manual", null, null);
        store.insert(task);
        return store.find(task.id()).orElseThrow();
    }

    @Override
    public List<Task> openFor(UUID assigneeId, int limit) {
        return Stream.concat(store.list(assigneeId, "open", null, null, null, limit).stream(),
                        store.list(assigneeId, "in_progress", null, null, null, limit).stream())
                .sorted(java.util.Comparator.comparing((Task t) -> t.dueDate() == null ? LocalDate.MAX : t.dueDate())
                        .thenComparing(Task::createdAt))
                .limit(limit).toList();
    }

    /** The assignee's kind from their account (as the tasks API decides it). */
    String kindOf(UUID assigneeId) {
        if (assigneeId == null) {
            return "system";
        }
        User u = users.find(assigneeId).orElseThrow(() -> ProblemException.badRequest("invalid-assignee",
                "assignee_id " + assigneeId + " is not a user of this tenant"));
        if (u.role() == Role.AGENT) {
            return u.agentKind() == AgentKind.SALES_REP ? "sales_rep" : "csr";
        }
        return u.role() == Role.EXECUTIVE ? "exec" : "system";
    }
}
