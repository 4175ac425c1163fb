package io.verbatim.leads;

import java.time.Instant;
import java.util.UUID;

/** A lead. {@code qualificationSetBy} is {@code person} once someone overrode the analysis' qualification. */
public record Lead(UUID id, UUID contactCardId, String stage, String qualification, String qualificationSetBy, String source,
                   UUID sourceConversationId, UUID csrUserId, UUID assignedRepUserId, Instant lastActivityAt,
                   Instant createdAt, Instant updatedAt) {

    public static final java.util.Set<String> STAGES = java.util.Set.of("new", "qualified", "booked", "pending", "dead");
    public static final java.util.Set<String> OPEN_STAGES = java.util.Set.of("new", "qualified", "pending");
    public static final java.util.Set<String> QUALIFICATIONS = java.util.Set.of("hot", "warm", "cold", "unqualified");

    public boolean open() {
        return OPEN_STAGES.contains(stage);
    }
}
