package io.verbatim.evaluation;

import io.verbatim.ingest.IngestMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How a transcript of the labelled-set layout (id, domain, language, direction, agent, customer,
 * started_at, turns) is imported: its domain picks the channel as the demo loader does (field_sales a
 * field visit, mystery_shop a video, voice_agent a voice-agent call, the rest phone) and is a tag, so
 * the same scorecard is chosen; the agent is the transcript's agent name.
 */
public final class TranscriptMetadata {

    public static final String TAG = "evaluation";

    private TranscriptMetadata() {
    }

    public static IngestMetadata of(String id, JsonNode transcript, String source) {
        String domain = transcript.path("domain").asString("");
        String channel = switch (domain) {
            case "field_sales" -> "field_visit";
            case "mystery_shop" -> "video";
            case "voice_agent" -> "voice_agent";
            default -> "phone";
        };
        List<String> tags = new ArrayList<>();
        if (!domain.isBlank()) {
            tags.add(domain);
        }
        tags.add(TAG);
        JsonNode customer = transcript.path("customer");
        JsonNode started = transcript.get("started_at");
        return new IngestMetadata(id, source, transcript.path("direction").asString("unknown"), channel,
                started != null && started.isString() ? Instant.parse(started.asString()) : null,
                transcript.path("agent").path("name").asString(null),
                new IngestMetadata.Customer(customer.path("name").asString(null), customer.path("phone").asString(null), null),
                transcript.path("language").asString(null), Map.of("left", "agent", "right", "customer"), tags,
                Map.of("domain", domain, "evaluation", true), "verbatim", true);
    }

    /** The turn texts, for placing PII spans. */
    public static List<String> turnTexts(JsonNode transcript) {
        List<String> out = new ArrayList<>();
        transcript.path("turns").forEach(t -> out.add(t.path("text").asString("")));
        return out;
    }
}
