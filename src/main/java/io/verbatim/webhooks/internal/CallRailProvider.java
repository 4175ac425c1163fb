package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.ProblemException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CallRail post-call webhooks (the call object as JSON, signed in {@code Signature} with the company's
 * signing key). Credential {@code callrail}: {@code signing_key}, optional {@code api_key} (sent to
 * callrail.com when fetching a recording). The transcript is CallRail's conversational transcript when
 * present (Premium Conversation Intelligence), otherwise the recording is fetched and transcribed.
 * Event id: the call id; call-modified webhooks (with {@code changes}) are acknowledged and dropped.
 */
@Component
class CallRailProvider implements InboundProvider {

    private final JsonMapper json;

    CallRailProvider(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return "callrail";
    }

    @Override
    public String credentialName(String source) {
        return "callrail";
    }

    @Override
    public String conversationSource(String source) {
        return "callrail";
    }

    @Override
    public boolean verify(InboundRequest request, CredentialFields credential) {
        String key = credential.get("signing_key").or(() -> credential.get("secret")).orElse(null);
        return CallRailSignature.validate(key, request.body(), request.header("signature"));
    }

    @Override
    public Received parse(InboundRequest request) {
        JsonNode call = read(request.body());
        if (Trees.at(call, "changes") != null) {
            return Received.dropped("call.modified");
        }
        String id = Trees.text(call, "id");
        if (id == null) {
            id = Trees.text(call, "resource_id");
        }
        if (id == null) {
            throw ProblemException.badRequest("invalid-webhook-payload", "The call has no id");
        }
        return Received.of(id, "call.completed");
    }

    @Override
    public Work prepare(InboxEvent event, CredentialFields credential, RecordingFetcher fetcher) {
        JsonNode call = read(event.payload());
        String id = event.eventId();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String field : new String[] {"tracking_phone_number", "source_name", "company_id", "company_name", "lead_status",
                "call_type", "recording_player", "formatted_tracking_source", "tracker_id", "duration"}) {
            String value = Trees.text(call, field);
            if (value != null) {
                attributes.put(field, value);
            }
        }
        String direction = Trees.text(call, "direction");
        direction = direction == null ? null : switch (direction.toLowerCase(Locale.ROOT)) {
            case "inbound" -> "inbound";
            case "outbound" -> "outbound";
            default -> null;
        };
        IngestMetadata.Customer customer = new IngestMetadata.Customer(
                Trees.firstText(call, "customer_name", "callername"), Trees.firstText(call, "customer_phone_number", "callernum"),
                null);
        IngestMetadata metadata = new IngestMetadata(id, "callrail", direction, "phone",
                Trees.instant(Trees.firstText(call, "start_time", "created_at")), Trees.firstText(call, "agent_email"), customer,
                null, null, List.of(), attributes, null, null);
        String transcript = transcript(call);
        if (transcript != null) {
            return new Work.Ingest(new IntakeInput.TranscriptFile(transcript.getBytes(StandardCharsets.UTF_8),
                    "callrail-" + id + ".txt", "text"), metadata, null);
        }
        String recording = Trees.text(call, "recording");
        if (recording == null) {
            return new Work.Ignore("The call has neither a recording nor a transcript");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String apiKey = credential.get("api_key").orElse(null);
        String host = URI.create(recording).getHost();
        if (apiKey != null && host != null && (host.equals("callrail.com") || host.endsWith(".callrail.com"))) {
            headers.put("Authorization", "Token token=\"" + apiKey + "\"");
        }
        RecordingFetcher.Downloaded file = fetcher.fetch(recording, headers, "callrail-" + id);
        return new Work.Ingest(new IntakeInput.Media(file.file(), file.filename(), file.contentType()), metadata, file.file());
    }

    /** {@code conversational_transcript} ({speaker: caller|agent, phrase, start}) as stamped {@code Speaker: text} lines. */
    private static String transcript(JsonNode call) {
        JsonNode turns = Trees.at(call, "conversational_transcript");
        if (turns == null || !turns.isArray() || turns.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode turn : turns) {
            String phrase = Trees.text(turn, "phrase");
            if (phrase == null) {
                continue;
            }
            String speaker = "agent".equalsIgnoreCase(Trees.text(turn, "speaker")) ? "Agent" : "Customer";
            String start = Trees.text(turn, "start");
            if (start != null) {
                try {
                    int seconds = (int) Double.parseDouble(start);
                    text.append(String.format(Locale.ROOT, "[%02d:%02d:%02d] ", seconds / 3600, seconds / 60 % 60, seconds % 60));
                } catch (NumberFormatException ignored) {
                    // no stamp
                }
            }
            text.append(speaker).append(": ").append(phrase.replace('\n', ' ')).append('\n');
        }
        return text.isEmpty() ? null : text.toString();
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw ProblemException.badRequest("invalid-webhook-payload", "The body is not a JSON object");
            }
            return root;
        } catch (tools.jackson.core.JacksonException e) {
            throw ProblemException.badRequest("invalid-webhook-payload", "The body is not JSON");
        }
    }
}
