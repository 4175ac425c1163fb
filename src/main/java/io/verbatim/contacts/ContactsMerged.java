package io.verbatim.contacts;

import java.util.UUID;

/**
 * Card {@code merged} was merged into {@code survivor}. Published inside the merging transaction: a module that
 * keeps rows pointing to contact cards (leads, appointments, tasks, recording sessions) repoints them in its
 * listener, so every child follows the merge or none does.
 */
public record ContactsMerged(String tenantId, UUID survivor, UUID merged) {
}
