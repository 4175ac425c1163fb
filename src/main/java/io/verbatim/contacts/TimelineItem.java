package io.verbatim.contacts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One thing that happened with a contact, for its timeline.
 *
 * @param type   conversation, lead, appointment, recording_session or task
 * @param detail depends on the type (for example a call's summary, an appointment's status and outcome)
 */
public record TimelineItem(String type, UUID id, Instant at, String title, Map<String, Object> detail) {
}
