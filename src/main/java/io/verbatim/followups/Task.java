package io.verbatim.followups;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One pending action.
 *
 * @param category     what kind of action: callback, send_info, schedule_visit, follow_up
 * @param dueHint      when it is due as said in the call ("today between 1 and 3"), when it came from one
 * @param assigneeKind csr, sales_rep, exec or system
 * @param status       open, in_progress, completed or cancelled
 * @param origin       analysis or manual
 */
public record Task(UUID id, UUID contactCardId, UUID sourceConversationId, UUID appointmentId, String category, String title,
                   LocalDate dueDate, String dueHint, String assigneeKind, UUID assigneeId, String status, String origin,
                   Instant createdAt, Instant updatedAt) {

    public static final java.util.List<String> STATUSES = java.util.List.of("open", "in_progress", "completed", "cancelled");
    public static final java.util.List<String> ASSIGNEE_KINDS = java.util.List.of("csr", "sales_rep", "exec", "system");
}
