package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.ProblemException;
import io.verbatim.webhooks.WebhookProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vapi server messages. Only {@code end-of-call-report} makes a conversation: the voice agent's own
 * transcript ({@code artifact.messages}, or the text transcript) is stored as the conversation's
 * transcript, with no transcription; without any transcript the recording is fetched instead. Other
 * message types (status updates, tool calls) are acknowledged and dropped. Event id: the call id.
 * Credential {@code vapi}: {@code secret}, and the HMAC options {@link VapiAuth} reads.
 */
@Component
class VapiProvider implements InboundProvider {

    private final JsonMapper json;
    private final WebhookProperties properties;

    VapiProvider(JsonMapper json, WebhookProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "vapi";
    }

    @Override
    public String credentialName(String source) {
        return "vapi";
    }

    @Override
    public String conversationSource(String source) {
        return "vapi";
    }

    @Override
    public boolean verify(InboundRequest request, CredentialFields credential) {
        return VapiAuth.verify(credential, request::header, request.body(), request.now(), properties.timestampTolerance());
    }

    @Override
    public Received parse(InboundRequest request) {
        JsonNode message = message(read(request.body()));
        String type = Trees.text(message, "type");
        if (!"end-of-call-report".equals(type)) {
            return Received.dropped(type == null ? "unknown" : type);
        }
        String callId = callId(message);
        if (callId == null) {
            throw ProblemException.badRequest("invalid-webhook-payload", "The end-of-call report has no call id");
        }
        return Received.of(callId, type);
    }

    @Override
    public Work prepare(InboxEvent event, CredentialFields credential, RecordingFetcher fetcher) {
        JsonNode message = message(read(event.payload()));
        String callId = callId(message);
        String recordingUrl = Trees.firstText(message, "artifact.recording.stereoUrl", "artifact.recording.mono.combinedUrl",
                "artifact.stereoRecordingUrl", "artifact.recordingUrl", "stereoRecordingUrl", "recordingUrl");
        Map<String, Object> attributes = new LinkedHashMap<>();
        put(attributes, "ended_reason", Trees.text(message, "endedReason"));
        put(attributes, "recording_url", recordingUrl);
        put(attributes, "summary", Trees.firstText(message, "analysis.summary", "summary"));
        put(attributes, "success_evaluation", Trees.text(message, "analysis.successEvaluation"));
        put(attributes, "cost", Trees.text(message, "cost"));
        put(attributes, "assistant_id", Trees.firstText(message, "assistant.id", "call.assistantId"));
        put(attributes, "phone_number", Trees.firstText(message, "phoneNumber.number", "call.phoneNumber.number"));
        String callType = Trees.text(message, "call.type");
        String direction = callType == null ? null : callType.startsWith("inbound") ? "inbound"
                : callType.startsWith("outbound") ? "outbound" : null;
        IngestMetadata.Customer customer = new IngestMetadata.Customer(
                Trees.firstText(message, "customer.name", "call.customer.name"),
                Trees.firstText(message, "customer.number", "call.customer.number"), null);
        IngestMetadata metadata = new IngestMetadata(callId, "vapi", direction, "voice_agent",
                Trees.instant(Trees.firstText(message, "startedAt", "call.startedAt", "call.createdAt")),
                Trees.firstText(message, "assistant.name", "call.assistant.name"), customer, null, null, List.of("vapi"),
                attributes, null, null);
        if (hasTranscript(message)) {
            return new Work.Ingest(new IntakeInput.TranscriptFile(event.payload(), "vapi-" + callId + ".json", "vapi"), metadata, null);
        }
        if (recordingUrl == null) {
            return new Work.Ignore("The report has neither a transcript nor a recording");
        }
        RecordingFetcher.Downloaded recording = fetcher.fetch(recordingUrl, Map.of(), "vapi-" + callId);
        return new Work.Ingest(new IntakeInput.Media(recording.file(), recording.filename(), recording.contentType()), metadata,
                recording.file());
    }

    private static boolean hasTranscript(JsonNode message) {
        for (String path : new String[] {"artifact.messages", "messages"}) {
            JsonNode messages = Trees.at(message, path);
            if (messages != null && messages.isArray()) {
                for (JsonNode m : messages) {
                    String role = Trees.text(m, "role");
                    if (("bot".equals(role) || "assistant".equals(role) || "user".equals(role)) && Trees.text(m, "message") != null) {
                        return true;
                    }
                }
            }
        }
        return Trees.firstText(message, "artifact.transcript", "transcript") != null;
    }

    private static String callId(JsonNode message) {
        return Trees.firstText(message, "call.id", "callId");
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

    private static JsonNode message(JsonNode root) {
        JsonNode message = Trees.at(root, "message");
        return message != null && message.isObject() ? message : root;
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
