package io.verbatim.ingest.internal;

import io.verbatim.conversations.Accepted;
import io.verbatim.ingest.ConversationIntake;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.media.MediaProperties;
import io.verbatim.platform.InboundPressure;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.platform.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/conversations}: a {@code media} part (audio/video) or a {@code transcript} part,
 * plus an optional {@code metadata} JSON part. Answers 202 with the status URL (200 for a repeat).
 */
@RestController
@RequestMapping("/api/v1/conversations")
class UploadController {

    private final ConversationIntake intake;
    private final JsonMapper json;
    private final Path workDir;
    private final InboundPressure pressure;

    UploadController(ConversationIntake intake, JsonMapper json, MediaProperties media, PlatformProperties platform,
                     InboundPressure pressure) {
        this.intake = intake;
        this.json = json;
        this.pressure = pressure;
        this.workDir = media.workDir(platform.dataDir()).resolve("uploads");
    }

    record AcceptedView(UUID id, String status, String stage, String statusUrl, boolean duplicate) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    ResponseEntity<AcceptedView> upload(MultipartHttpServletRequest request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey)
            throws IOException {
        pressure.arrived(); // while uploads arrive in a burst, new background work waits (accept first)
        MultipartFile media = request.getFile("media");
        MultipartFile transcript = request.getFile("transcript");
        if ((media == null) == (transcript == null)) {
            throw ProblemException.badRequest("missing-input",
                    "Send exactly one of a 'media' part (audio or video) or a 'transcript' part");
        }
        IngestMetadata metadata = metadata(request);
        Accepted accepted;
        if (media != null) {
            Files.createDirectories(workDir);
            Path local = Files.createTempFile(workDir, "upload-", ".part");
            try {
                // As a File, not a Path: the container then writes a part it kept in memory straight to the file
                // (or moves its own temporary file there) instead of copying it through a stream.
                media.transferTo(local.toFile());
                accepted = intake.accept(new IntakeInput.Media(local, media.getOriginalFilename(), media.getContentType()),
                        metadata, idempotencyKey);
            } finally {
                Files.deleteIfExists(local);
            }
        } else {
            accepted = intake.accept(new IntakeInput.TranscriptFile(transcript.getBytes(), transcript.getOriginalFilename(),
                    metadata.transcriptFormat()), metadata, idempotencyKey);
        }
        var c = accepted.conversation();
        String statusUrl = "/api/v1/conversations/" + c.id();
        return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create(statusUrl))
                .body(new AcceptedView(c.id(), c.status().wire(), c.stage(), statusUrl, accepted.duplicate()));
    }

    private IngestMetadata metadata(MultipartHttpServletRequest request) throws IOException {
        String text = request.getParameter("metadata");
        if (text == null && request.getFile("metadata") != null) {
            text = new String(request.getFile("metadata").getBytes(), StandardCharsets.UTF_8);
        }
        if (text == null || text.isBlank()) {
            return IngestMetadata.empty();
        }
        try {
            return json.readValue(text, IngestMetadata.class);
        } catch (JacksonException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ProblemException problem) {
                    throw problem;
                }
            }
            throw ProblemException.badRequest("invalid-metadata", "The metadata part is not valid JSON of the expected shape: "
                    + e.getOriginalMessage());
        }
    }
}
