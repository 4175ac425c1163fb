package io.verbatim.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the sender tells us about a conversation (the {@code metadata} part of an upload, a drop-folder
 * sidecar, a webhook's fields). Everything is optional.
 *
 * @param agent          the agent as an id, e-mail or name (matched to a Verbatim user when possible)
 * @param channelRoles   which audio channel is which speaker: {@code {"left":"agent","right":"customer"}}
 * @param transcriptFormat for a transcript upload: the format name, or null to detect it
 * @param bulk           part of a backfill: processed after live conversations
 */
public record IngestMetadata(String externalId, String source, String direction, String channel, Instant startedAt,
                             String agent, Customer customer, String language, Map<String, String> channelRoles,
                             List<String> tags, Map<String, Object> attributes, String transcriptFormat, Boolean bulk) {

    public record Customer(String name, String phone, String email) {
    }

    public static IngestMetadata empty() {
        return new IngestMetadata(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public IngestMetadata withSource(String newSource) {
        return new IngestMetadata(externalId, newSource, direction, channel, startedAt, agent, customer, language, channelRoles,
                tags, attributes, transcriptFormat, bulk);
    }

    public IngestMetadata withExternalId(String id) {
        return new IngestMetadata(id, source, direction, channel, startedAt, agent, customer, language, channelRoles,
                tags, attributes, transcriptFormat, bulk);
    }
}
