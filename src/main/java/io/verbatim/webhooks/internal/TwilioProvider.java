package io.verbatim.webhooks.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Twilio recording-status callbacks ({@code recordingStatusCallback}, form-encoded). Credential
 * {@code twilio}: {@code auth_token} (verifies {@code X-Twilio-Signature} and authenticates the recording
 * download), optional {@code account_sid}, {@code webhook_url} (the exact URL configured in Twilio, when
 * a proxy rewrites it), {@code recording_format} ({@code wav} or {@code mp3}) and {@code left_channel}
 * ({@code agent} or {@code customer}: who is on the first channel of a dual-channel recording).
 *
 * <p>Event id: {@code RecordingSid:RecordingStatus}; only {@code completed} makes a conversation
 * (external id {@code RecordingSid}).
 */
@Component
class TwilioProvider implements InboundProvider {

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public String credentialName(String source) {
        return "twilio";
    }

    @Override
    public String conversationSource(String source) {
        return "twilio";
    }

    @Override
    public boolean verify(InboundRequest request, CredentialFields credential) {
        String url = credential.get("webhook_url").orElse(request.url());
        boolean form = request.contentType() != null
                && request.contentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        List<Map.Entry<String, String>> params = form ? Form.parse(request.body()).pairs() : List.of();
        return TwilioSignature.validate(credential.get("auth_token").orElse(null), url, params, request.body(),
                request.header("x-twilio-signature"));
    }

    @Override
    public Received parse(InboundRequest request) {
        Form form = Form.parse(request.body());
        String recording = form.first("RecordingSid");
        if (recording == null || recording.isBlank()) {
            // a verified callback of another kind (call status) sent here: acknowledged, nothing kept
            return Received.dropped("twilio.other");
        }
        String status = form.first("RecordingStatus");
        status = status == null || status.isBlank() ? "completed" : status.strip();
        if (!recording.matches("[A-Za-z0-9]{2,64}")) {
            throw ProblemException.badRequest("invalid-webhook-payload", "RecordingSid is not a Twilio sid");
        }
        String type = "recording." + status;
        if (!status.equals("completed")) {
            return new Received(recording + ":" + status, type, "recording status '" + status + "' is not final", true);
        }
        if (form.first("RecordingUrl") == null) {
            throw ProblemException.badRequest("invalid-webhook-payload", "A completed recording callback has no RecordingUrl");
        }
        return Received.of(recording + ":" + status, type);
    }

    @Override
    public Work prepare(InboxEvent event, CredentialFields credential, RecordingFetcher fetcher) {
        Form form = Form.parse(event.payload());
        String sid = form.first("RecordingSid");
        if (form.first("EncryptionDetails") != null) {
            throw Failure.permanent("The recording is encrypted (Twilio Voice Recording Encryption); Verbatim cannot decrypt it");
        }
        String url = form.first("RecordingUrl");
        String last = url.substring(url.lastIndexOf('/') + 1);
        if (!last.contains(".")) {
            url = url + "." + credential.getOrDefault("recording_format", "wav");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String account = credential.get("account_sid").orElse(form.first("AccountSid"));
        String token = credential.get("auth_token").orElse(null);
        if (account != null && token != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":" + token)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        RecordingFetcher.Downloaded recording = fetcher.fetch(url, headers, sid);
        Map<String, Object> attributes = new LinkedHashMap<>();
        put(attributes, "call_sid", form.first("CallSid"));
        put(attributes, "account_sid", form.first("AccountSid"));
        put(attributes, "recording_duration", form.first("RecordingDuration"));
        put(attributes, "recording_channels", form.first("RecordingChannels"));
        put(attributes, "recording_source", form.first("RecordingSource"));
        put(attributes, "recording_track", form.first("RecordingTrack"));
        Map<String, String> roles = null;
        String left = credential.get("left_channel").orElse(null);
        if ("customer".equalsIgnoreCase(left)) {
            roles = Map.of("left", "customer", "right", "agent");
        }
        IngestMetadata metadata = new IngestMetadata(sid, "twilio", null, "phone",
                Trees.instant(form.first("RecordingStartTime")), null, null, null, roles, List.of(), attributes, null, null);
        return new Work.Ingest(new IntakeInput.Media(recording.file(), recording.filename(), recording.contentType()), metadata,
                recording.file());
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
