package io.verbatim.identity;

import java.time.Instant;
import java.util.UUID;

/** A person who signs in to a tenant (never carries the password hash). */
public record User(UUID id, String tenantId, String email, String name, Role role, AgentKind agentKind, UUID teamId,
                   String externalSubject, boolean active, Instant createdAt, Instant updatedAt, Instant lastLoginAt) {
}
