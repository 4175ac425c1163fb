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
 * transcript ({@code artifact.messages} with tool calls, or the text transcript) is stored as the
 * conversation's transcript, with no transcription, and the mono and stereo recordings are fetched and kept
 * beside it; without any transcript the recording is transcribed instead. The report's fields go to the
 * conversation's attributes (see {@link CallReport}). Other
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

    /** What the acknowledgement reads, streamed (see {@link JsonFields}): the type and call id, in the message or the root. */
    private static final java.util.Set<String> ACKNOWLEDGED = java.util.Set.of("message.type", "message.call.id", "message.callId",
            "type", "call.id", "callId");

    @Override
    public Received parse(InboundRequest request) {
        JsonFields.Found found = JsonFields.read(json, request.body(), ACKNOWLEDGED);
        String in = found.objects().contains("message") ? "message." : "";
        String type = found.get(in + "type");
        if (!"end-of-call-report".equals(type)) {
            return Received.dropped(type == null ? "unknown" : type);
        }
        String callId = found.get(in + "call.id") != null ? found.get(in + "call.id") : found.get(in + "callId");
        if (callId == null) {
            throw ProblemException.badRequest("invalid-webhook-payload", "The end-of-call report has no call id");
        }
        return Received.of(callId, type);
    }

    @Override
    public Work prepare(InboxEvent event, CredentialFields credential, RecordingFetcher fetcher) {
        JsonNode message = message(read(event.payload()));
        String callId = callId(message);
        String monoUrl = Trees.firstText(message, "artifact.recording.mono.combinedUrl", "artifact.recordingUrl", "recordingUrl",
                "call.artifact.recordingUrl");
        String stereoUrl = Trees.firstText(message, "artifact.recording.stereoUrl", "artifact.stereoRecordingUrl",
                "stereoRecordingUrl", "call.artifact.stereoRecordingUrl");
        Map<String, Object> attributes = report(message, callId, monoUrl, stereoUrl).attributes();
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
            var transcript = new IntakeInput.TranscriptFile(event.payload(), "vapi-" + callId + ".json", "vapi");
            Map<String, IntakeInput.Media> recordings = recordings(fetcher, callId, monoUrl, stereoUrl, attributes);
            return new Work.Ingest(recordings.isEmpty() ? transcript : new IntakeInput.TranscriptWithRecordings(transcript, recordings),
                    metadata, null);
        }
        String recordingUrl = stereoUrl != null ? stereoUrl : monoUrl;
        if (recordingUrl == null) {
            return new Work.Ignore("The report has neither a transcript nor a recording");
        }
        RecordingFetcher.Downloaded recording = fetcher.fetch(recordingUrl, Map.of(), "vapi-" + callId);
        return new Work.Ingest(new IntakeInput.Media(recording.file(), recording.filename(), recording.contentType()), metadata,
                recording.file());
    }

    /** The report's own fields: ended reason, cost and its breakdown, Vapi's analysis, the assistant, a transfer. */
    private CallReport report(JsonNode message, String callId, String monoUrl, String stereoUrl) {
        CallReport report = new CallReport(json, "vapi", callId)
                .text("assistant_id", Trees.firstText(message, "assistant.id", "call.assistantId", "call.assistant.id"))
                .text("assistant_name", Trees.firstText(message, "assistant.name", "call.assistant.name"))
                .text("ended_reason", Trees.firstText(message, "endedReason", "call.endedReason"))
                .number("cost", CallReport.number(first(message, "cost", "call.cost")))
                .value("cost_breakdown", costBreakdown(message))
                .text("summary", Trees.firstText(message, "analysis.summary", "summary", "call.analysis.summary"))
                .value("structured_data", first(message, "analysis.structuredData", "call.analysis.structuredData"))
                .value("success_evaluation", first(message, "analysis.successEvaluation", "call.analysis.successEvaluation"))
                .text("recording_url", monoUrl)
                .text("stereo_recording_url", stereoUrl)
                .number("duration_seconds", duration(message));
        String endedReason = Trees.firstText(message, "endedReason", "call.endedReason");
        JsonNode destination = first(message, "destination", "call.destination");
        boolean transferred = destination != null || endedReason != null
                && (endedReason.contains("forwarded") || endedReason.contains("transfer"));
        report.flag("transferred", transferred);
        if (destination != null) {
            report.text("transfer_destination", Trees.firstText(destination, "number", "sipUri", "description"));
        }
        return report;
    }

    /** {@code costBreakdown} (on the call) as is; otherwise the {@code costs[]} list summed by type. */
    private JsonNode costBreakdown(JsonNode message) {
        JsonNode breakdown = first(message, "costBreakdown", "call.costBreakdown");
        if (breakdown != null && breakdown.isObject()) {
            return breakdown;
        }
        JsonNode costs = first(message, "costs", "call.costs");
        if (costs == null || !costs.isArray() || costs.isEmpty()) {
            return null;
        }
        Map<String, Double> byType = new LinkedHashMap<>();
        for (JsonNode cost : costs) {
            String type = Trees.text(cost, "type");
            Double value = CallReport.number(Trees.at(cost, "cost"));
            if (type != null && value != null) {
                byType.merge(type, value, Double::sum);
            }
        }
        return byType.isEmpty() ? null : json.valueToTree(byType);
    }

    private static Double duration(JsonNode message) {
        Double seconds = CallReport.number(first(message, "durationSeconds", "call.durationSeconds"));
        if (seconds != null) {
            return seconds;
        }
        var started = Trees.instant(Trees.firstText(message, "startedAt", "call.startedAt"));
        var ended = Trees.instant(Trees.firstText(message, "endedAt", "call.endedAt"));
        return started == null || ended == null || ended.isBefore(started) ? null
                : java.time.Duration.between(started, ended).toMillis() / 1000.0;
    }

    /**
     * Fetches the mono and stereo recordings to keep beside the agent's transcript. A recording the provider
     * refuses (gone, forbidden) does not cost the call its transcript: the reason is kept as
     * {@code recording_error}; a failure worth retrying fails the event so that it is tried again.
     */
    static Map<String, IntakeInput.Media> recordings(RecordingFetcher fetcher, String callId, String monoUrl, String stereoUrl,
                                                     Map<String, Object> attributes) {
        Map<String, IntakeInput.Media> recordings = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        if (monoUrl != null) {
            urls.put("mono", monoUrl);
        }
        if (stereoUrl != null && !stereoUrl.equals(monoUrl)) {
            urls.put("stereo", stereoUrl);
        }
        try {
            for (var e : urls.entrySet()) {
                try {
                    RecordingFetcher.Downloaded d = fetcher.fetch(e.getValue(), Map.of(), callId + "-" + e.getKey());
                    recordings.put(e.getKey(), new IntakeInput.Media(d.file(), d.filename(), d.contentType()));
                } catch (Failure f) {
                    if (f.retryable()) {
                        throw f;
                    }
                    attributes.put("recording_error", e.getKey() + ": " + f.getMessage());
                }
            }
            return recordings;
        } catch (RuntimeException e) {
            recordings.values().forEach(m -> RecordingFetcher.deleteQuietly(m.file()));
            throw e;
        }
    }

    private static JsonNode first(JsonNode node, String... paths) {
        for (String path : paths) {
            JsonNode value = Trees.at(node, path);
            if (value != null) {
                return value;
            }
        }
        return null;
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
