package io.verbatim.followups;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Tasks of the current tenant, for other modules (the CSR home, the demo); no role scope applied. */
public interface Tasks {

    /** Adds a task by hand ({@code origin: manual}) for a user of the tenant, or for the system when none is named. */
    Task add(UUID contactCardId, String category, String title, LocalDate dueDate, UUID assigneeId);

    /** The user's open and in-progress tasks, by due day (none last). */
    List<Task> openFor(UUID assigneeId, int limit);
}
