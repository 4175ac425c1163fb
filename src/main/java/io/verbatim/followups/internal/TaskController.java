package io.verbatim.followups.internal;

import io.verbatim.contacts.ContactCards;
import io.verbatim.conversations.Conversations;
import io.verbatim.followups.Task;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tasks}. Agents (CSRs, sales reps) see and work only the tasks assigned to them; executives see all,
 * read-only; managers and admins see and change all. {@code /mine} (or {@code ?mine=true}) is the caller's own list.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    private final TaskStore store;
    private final Users users;
    private final ContactCards contacts;
    private final Conversations conversations;

    TaskController(TaskStore store, Users users, ContactCards contacts, Conversations conversations) {
        this.store = store;
        this.users = users;
        this.contacts = contacts;
        this.conversations = conversations;
    }

    record NewTask(String title, String category, LocalDate dueDate, UUID assigneeId, UUID contactCardId,
                   UUID sourceConversationId) {
    }

    record TaskPatch(String status, LocalDate dueDate, UUID assigneeId) {
    }

    @GetMapping
    Page<Task> list(@RequestParam(required = false) Boolean mine, @RequestParam(required = false) String status,
                    @RequestParam(name = "contact_card_id", required = false) UUID contact,
                    @RequestParam(name = "conversation_id", required = false) UUID conversation,
                    @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        CurrentUser user = reader();
        UUID assignee = Boolean.TRUE.equals(mine) || user.role() == Role.AGENT ? requireUser(user) : null;
        if (status != null && !Task.STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid-status", "status must be one of " + Task.STATUSES);
        }
        int n = Page.limit(limit);
        return Page.of(store.list(assignee, status, contact, conversation, Page.decode(cursor), n + 1), n, TaskStore::cursorKey);
    }

    @GetMapping("/mine")
    Page<Task> mine(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                    @RequestParam(required = false) Integer limit) {
        return list(true, status, null, null, cursor, limit);
    }

    @GetMapping("/{id}")
    Task get(@PathVariable UUID id) {
        return visible(id);
    }

    @PostMapping
    ResponseEntity<Task> create(@RequestBody NewTask body) {
        CurrentUser user = reader();
        if (user.role() == Role.EXECUTIVE) {
            throw ProblemException.forbidden("Executives read tasks; managers and admins assign them");
        }
        if (body == null || body.title() == null || body.title().isBlank()) {
            throw ProblemException.badRequest("invalid-task", "title is required");
        }
        // Foreign keys ignore row-level security: another tenant's card or call must be refused here.
        if (body.contactCardId() != null && contacts.find(TenantContext.require(), body.contactCardId()).isEmpty()) {
            throw ProblemException.badRequest("invalid-contact", "Contact card " + body.contactCardId() + " was not found");
        }
        if (body.sourceConversationId() != null) {
            conversations.getVisible(body.sourceConversationId());
        }
        // Agents add tasks for themselves only.
        UUID assigneeId = user.role() == Role.AGENT ? requireUser(user) : body.assigneeId();
        Task task = new Task(UUID.randomUUID(), body.contactCardId(), body.sourceConversationId(), null,
                body.category() == null ? "follow_up" : body.category(), body.title().strip(), body.dueDate(), null,
                assigneeKind(assigneeId), assigneeId, "open", "manual", null, null);
        store.insert(task);
        return ResponseEntity.status(HttpStatus.CREATED).body(store.find(task.id()).orElseThrow());
    }

    @PatchMapping("/{id}")
    Task patch(@PathVariable UUID id, @RequestBody TaskPatch body) {
        CurrentUser user = reader();
        Task task = visible(id);
        if (user.role() == Role.EXECUTIVE) {
            throw ProblemException.forbidden("Executives read tasks; they do not change them");
        }
        if (body == null) {
            throw ProblemException.badRequest("invalid-task", "A JSON body is required");
        }
        if (body.status() != null && !Task.STATUSES.contains(body.status())) {
            throw ProblemException.badRequest("invalid-task", "status must be one of " + Task.STATUSES);
        }
        if (body.assigneeId() != null && user.role() == Role.AGENT) {
            throw ProblemException.forbidden("Only managers and admins reassign tasks");
        }
        String kind = body.assigneeId() == null ? null : assigneeKind(body.assigneeId());
        return store.update(task.id(), body.status(), body.dueDate(), kind, body.assigneeId())
                .orElseThrow(() -> ProblemException.notFound("Task " + id));
    }

    /** A task the caller may see; any other is "not found", exactly like another tenant's. */
    private Task visible(UUID id) {
        CurrentUser user = reader();
        return store.find(id).filter(t -> user.role() != Role.AGENT || user.userId().equals(t.assigneeId()))
                .orElseThrow(() -> ProblemException.notFound("Task " + id));
    }

    private static CurrentUser reader() {
        CurrentUser user = CurrentUser.require();
        if (user.role() == Role.AGENT && user.agentKind() == io.verbatim.identity.AgentKind.SHOPPER) {
            throw ProblemException.forbidden("Tasks are for CSRs, sales reps, managers, executives and admins");
        }
        return user;
    }

    private static UUID requireUser(CurrentUser user) {
        if (user.userId() == null) {
            throw ProblemException.badRequest("invalid-request", "An API key has no tasks of its own");
        }
        return user.userId();
    }

    /** The assignee's kind from their account; must be a user of this tenant. */
    private String assigneeKind(UUID assigneeId) {
        if (assigneeId == null) {
            return "system";
        }
        User u = users.find(assigneeId).orElseThrow(() -> ProblemException.badRequest("invalid-assignee",
                "assignee_id " + assigneeId + " is not a user of this tenant"));
        if (u.role() == Role.AGENT) {
            return u.agentKind() == io.verbatim.identity.AgentKind.SALES_REP ? "sales_rep" : "csr";
        }
        return u.role() == Role.EXECUTIVE ? "exec" : "system";
    }
}
