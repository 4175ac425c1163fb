package io.verbatim.contacts;

import java.util.List;
import java.util.UUID;

/**
 * What another module adds to a contact card's timeline (leads, appointments, recording sessions, tasks). The
 * modules that point to the card implement it, so this module needs none of them. Called in the current tenant's
 * transaction; each source applies its own role scope, so the timeline shows only what that module's API would
 * show the caller.
 */
public interface ContactTimelineSource {

    List<TimelineItem> timelineOf(UUID contactCardId);
}
