package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.ProblemException;
import io.verbatim.webhooks.StandardWebhooks;
import io.verbatim.webhooks.WebhookProperties;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any sender that signs per Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}; the {@code svix-*} names too), at {@code /generic/{source}}, verified with the
 * credential {@code generic:<source>} field {@code secret} ({@code whsec_...}). Event id: {@code webhook-id}.
 *
 * <p>The body is the upload metadata ({@code external_id}, {@code direction}, {@code agent}, {@code customer},
 * {@code started_at}, {@code tags}, {@code attributes}...) plus exactly one of {@code transcript} (any
 * supported transcript format, as a JSON value or a string; {@code transcript_format} names it) or
 * {@code recording_url}. Without {@code external_id} the webhook id is the conversation's external id.
 */
@Component
class GenericProvider implements InboundProvider {

    private final JsonMapper json;
    private final WebhookProperties properties;

    GenericProvider(JsonMapper json, WebhookProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public boolean sourceInPath() {
        return true;
    }

    @Override
    public String credentialName(String source) {
        return "generic:" + source;
    }

    @Override
    public String conversationSource(String source) {
        return source;
    }

    @Override
    public boolean verify(InboundRequest request, CredentialFields credential) {
        String secret = credential.get("secret").orElse(null);
        if (secret == null) {
            return false;
        }
        byte[] key;
        try {
            key = StandardWebhooks.key(secret);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return StandardWebhooks.verify(key, header(request, "id"), header(request, "timestamp"), header(request, "signature"),
                request.body(), request.now(), properties.timestampTolerance());
    }

    static String header(InboundRequest request, String name) {
        String value = request.header("webhook-" + name);
        return value != null ? value : request.header("svix-" + name);
    }

    @Override
    public Received parse(InboundRequest request) {
        JsonNode root = read(request.body());
        boolean transcript = Trees.at(root, "transcript") != null;
        boolean recording = Trees.text(root, "recording_url") != null;
        if (transcript == recording) {
            throw ProblemException.badRequest("invalid-webhook-payload", "The body needs exactly one of transcript and recording_url");
        }
        String id = header(request, "id").strip();
        if (id.length() > 255) {
            throw ProblemException.badRequest("invalid-webhook-payload", "webhook-id is longer than 255 characters");
        }
        String type = Trees.text(root, "type");
        return Received.of(id, type == null ? "conversation" : type);
    }

    @Override
    public Work prepare(InboxEvent event, CredentialFields credential, RecordingFetcher fetcher) {
        ObjectNode root = (ObjectNode) read(event.payload());
        JsonNode transcript = Trees.at(root, "transcript");
        String recordingUrl = Trees.text(root, "recording_url");
        for (String field : new String[] {"transcript", "recording_url", "type", "source"}) {
            root.remove(field);
        }
        IngestMetadata metadata;
        try {
            metadata = json.treeToValue(root, IngestMetadata.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw Failure.permanent("The metadata fields are not valid: " + e.getOriginalMessage());
        }
        metadata = metadata.withSource(event.source());
        if (metadata.externalId() == null || metadata.externalId().isBlank()) {
            metadata = metadata.withExternalId(event.eventId());
        }
        if (transcript != null) {
            byte[] content = transcript.isString() ? transcript.asString().getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(transcript);
            return new Work.Ingest(new IntakeInput.TranscriptFile(content, event.source() + "-" + event.eventId() + (transcript.isString()
                    ? ".txt" : ".json"), metadata.transcriptFormat()), metadata, null);
        }
        RecordingFetcher.Downloaded file = fetcher.fetch(recordingUrl, Map.of(), "recording");
        return new Work.Ingest(new IntakeInput.Media(file.file(), file.filename(), file.contentType()), metadata, file.file());
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
