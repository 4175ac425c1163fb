package io.verbatim.notifications.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One notification of one user; {@code data} carries the ids its link needs. */
record Notification(UUID id, String kind, String title, String link, Map<String, String> data, Instant createdAt, Instant readAt) {
}
