package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retell webhooks ({@code {"event": ..., "call": {...}}}). Only {@code call_analyzed} makes a conversation
 * (it carries everything {@code call_ended} does plus {@code call_analysis}); the other events are
 * acknowledged and dropped. The call's {@code transcript_object} becomes the transcript (see the ingest
 * format {@code retell}), the recordings are fetched and kept beside it, and the report's fields go to the
 * conversation's attributes (see {@link CallReport}). Event id: the call id. Credential {@code retell}:
 * {@code api_key}, verified by {@link RetellAuth}.
 */
@Component
class RetellProvider implements InboundProvider {

    private final JsonMapper json;

    RetellProvider(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return "retell";
    }

    @Override
    public String credentialName(String source) {
        return "retell";
    }

    @Override
    public String conversationSource(String source) {
        return "retell";
    }

    @Override
    public boolean verify(InboundRequest request, CredentialFields credential) {
        return RetellAuth.verify(credential, request.header("x-retell-signature"), request.body(), request.now());
    }

    /** What the acknowledgement reads, streamed (see {@link JsonFields}). */
    private static final java.util.Set<String> ACKNOWLEDGED = java.util.Set.of("event", "call.call_id");

    @Override
    public Received parse(InboundRequest request) {
        JsonFields.Found found = JsonFields.read(json, request.body(), ACKNOWLEDGED);
        String event = found.get("event");
        if (!"call_analyzed".equals(event)) {
            return Received.dropped(event == null ? "unknown" : event);
        }
        String callId = found.get("call.call_id");
        if (callId == null) {
            throw ProblemException.badRequest("invalid-webhook-payload", "The call_analyzed event has no call.call_id");
        }
        return Received.of(callId, event);
    }

    @Override
    public Work prepare(InboxEvent event, CredentialFields credential, RecordingFetcher fetcher) {
        JsonNode call = Trees.at(read(event.payload()), "call");
        String callId = Trees.text(call, "call_id");
        String monoUrl = Trees.text(call, "recording_url");
        String stereoUrl = Trees.text(call, "recording_multi_channel_url");
        String disconnection = Trees.text(call, "disconnection_reason");
        Map<String, Object> attributes = new CallReport(json, "retell", callId)
                .text("assistant_id", Trees.text(call, "agent_id"))
                .text("assistant_name", Trees.text(call, "agent_name"))
                .text("assistant_version", Trees.text(call, "agent_version"))
                .text("ended_reason", disconnection)
                .text("disconnection_reason", disconnection)
                .number("cost", cost(call))
                .value("cost_breakdown", Trees.at(call, "call_cost"))
                .text("summary", Trees.text(call, "call_analysis.call_summary"))
                .value("structured_data", Trees.at(call, "call_analysis.custom_analysis_data"))
                .value("success_evaluation", Trees.at(call, "call_analysis.call_successful"))
                .text("user_sentiment", Trees.text(call, "call_analysis.user_sentiment"))
                .value("in_voicemail", Trees.at(call, "call_analysis.in_voicemail"))
                .value("call_analysis", Trees.at(call, "call_analysis"))
                .text("recording_url", monoUrl)
                .text("stereo_recording_url", stereoUrl)
                .number("duration_seconds", millisToSeconds(CallReport.number(Trees.at(call, "duration_ms"))))
                .flag("transferred", "call_transfer".equals(disconnection) || Trees.at(call, "transfer_destination") != null)
                .text("transfer_destination", Trees.text(call, "transfer_destination"))
                .text("phone_number", Trees.text(call, "direction") != null && "outbound".equals(Trees.text(call, "direction"))
                        ? Trees.text(call, "from_number") : Trees.text(call, "to_number"))
                .attributes();
        String direction = Trees.text(call, "direction");
        String customerNumber = "outbound".equals(direction) ? Trees.text(call, "to_number") : Trees.text(call, "from_number");
        Double startMs = CallReport.number(Trees.at(call, "start_timestamp"));
        IngestMetadata metadata = new IngestMetadata(callId, "retell", direction,
                "voice_agent", startMs == null ? null : Instant.ofEpochMilli(startMs.longValue()),
                Trees.text(call, "agent_name"), new IngestMetadata.Customer(null, customerNumber, null), null, null,
                List.of("retell"), attributes, null, null);
        boolean hasTranscript = Trees.at(call, "transcript_object") != null || Trees.text(call, "transcript") != null;
        if (hasTranscript) {
            var transcript = new IntakeInput.TranscriptFile(event.payload(), "retell-" + callId + ".json", "retell");
            Map<String, IntakeInput.Media> recordings = VapiProvider.recordings(fetcher, callId, monoUrl, stereoUrl, attributes);
            return new Work.Ingest(recordings.isEmpty() ? transcript : new IntakeInput.TranscriptWithRecordings(transcript, recordings),
                    metadata, null);
        }
        String recordingUrl = stereoUrl != null ? stereoUrl : monoUrl;
        if (recordingUrl == null) {
            return new Work.Ignore("The call has neither a transcript nor a recording");
        }
        RecordingFetcher.Downloaded recording = fetcher.fetch(recordingUrl, Map.of(), "retell-" + callId);
        return new Work.Ingest(new IntakeInput.Media(recording.file(), recording.filename(), recording.contentType()), metadata,
                recording.file());
    }

    /** {@code call_cost.combined_cost} is in cents; the attribute is in dollars like Vapi's {@code cost}. */
    private static Double cost(JsonNode call) {
        Double cents = CallReport.number(Trees.at(call, "call_cost.combined_cost"));
        return cents == null ? null : cents / 100.0;
    }

    private static Double millisToSeconds(Double millis) {
        return millis == null ? null : millis / 1000.0;
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
