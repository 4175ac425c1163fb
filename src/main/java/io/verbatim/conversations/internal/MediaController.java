package io.verbatim.conversations.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.InputKind;
import io.verbatim.conversations.PiiAccess;
import io.verbatim.platform.ProblemException;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.BlobResponses;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.Tenants;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The original recording for the player (with HTTP range requests, so it can seek) and its waveform. */
@RestController
@RequestMapping("/api/v1/conversations")
class MediaController {

    private final Conversations conversations;
    private final TenantStorage storage;
    private final Tenants tenants;
    private final PiiAccess piiAccess;

    MediaController(Conversations conversations, TenantStorage storage, Tenants tenants, PiiAccess piiAccess) {
        this.piiAccess = piiAccess;
        this.conversations = conversations;
        this.storage = storage;
        this.tenants = tenants;
    }

    @GetMapping("/{id}/media")
    void media(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
               HttpServletResponse response) throws IOException {
        Conversation conversation = conversations.getVisible(id);
        if (conversation.input().kind() != InputKind.MEDIA) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "no-media", "No recording",
                    "Conversation " + id + " was imported as a transcript and has no recording");
        }
        var blobs = storage.forTenant(tenants.get(TenantContext.require()));
        BlobKey key = new BlobKey(conversation.input().key());
        String contentType = conversation.input().contentType();
        if (!piiAccess.callerSeesPii()) {
            // Only the copy with personal data silenced; the original is for roles allowed to hear it.
            key = piiAccess.redactedRecording(blobs, id);
            contentType = "audio/wav";
            if (!blobs.exists(key)) {
                throw new ProblemException(HttpStatus.CONFLICT, "redaction-pending", "Not redacted yet",
                        "Conversation " + id + " has no redacted recording yet");
            }
        }
        BlobResponses.write(blobs, key, contentType, range, response);
    }

    /** Min/max peaks per pixel in the audiowaveform v2 JSON format that wavesurfer.js and peaks.js read. */
    @GetMapping(value = "/{id}/waveform", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> waveform(@PathVariable UUID id) {
        conversations.getVisible(id);
        return conversations.waveform(id).map(ResponseEntity::ok).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "no-waveform", "No waveform yet", "Conversation " + id + " has no decoded audio yet"));
    }
}
