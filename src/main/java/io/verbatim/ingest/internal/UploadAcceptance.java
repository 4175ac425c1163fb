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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code POST /api/v1/conversations} does with a parsed multipart request, whichever route answered it
 * ({@link LeanUploadFilter} or {@link UploadController}): one code path, so both refuse and accept alike.
 */
@Component
class UploadAcceptance {

    static final String PATH = "/api/v1/conversations";

    private final ConversationIntake intake;
    private final JsonMapper json;
    private final Path workDir;
    private final InboundPressure pressure;

    UploadAcceptance(ConversationIntake intake, JsonMapper json, MediaProperties media, PlatformProperties platform,
                     InboundPressure pressure) {
        this.intake = intake;
        this.json = json;
        this.pressure = pressure;
        this.workDir = media.workDir(platform.dataDir()).resolve("uploads");
    }

    /** The answer's body (202, or 200 for a repeat). */
    record AcceptedView(UUID id, String status, String stage, String statusUrl, boolean duplicate) {

        static AcceptedView of(Accepted accepted) {
            var c = accepted.conversation();
            return new AcceptedView(c.id(), c.status().wire(), c.stage(), UploadAcceptance.statusUrl(c.id()), accepted.duplicate());
        }
    }

    static String statusUrl(UUID id) {
        return PATH + "/" + id;
    }

    Accepted accept(MultipartHttpServletRequest request, String idempotencyKey) throws IOException {
        pressure.arrived(); // while uploads arrive in a burst, new background work waits (accept first)
        MultipartFile media = request.getFile("media");
        MultipartFile transcript = request.getFile("transcript");
        if ((media == null) == (transcript == null)) {
            throw ProblemException.badRequest("missing-input",
                    "Send exactly one of a 'media' part (audio or video) or a 'transcript' part");
        }
        IngestMetadata metadata = metadata(request);
        if (media == null) {
            return intake.accept(new IntakeInput.TranscriptFile(transcript.getBytes(), transcript.getOriginalFilename(),
                    metadata.transcriptFormat()), metadata, idempotencyKey);
        }
        Files.createDirectories(workDir);
        Path local = Files.createTempFile(workDir, "upload-", ".part");
        try {
            // As a File, not a Path: the container then writes a part it kept in memory straight to the file
            // (or moves its own temporary file there) instead of copying it through a stream.
            media.transferTo(local.toFile());
            return intake.accept(new IntakeInput.Media(local, media.getOriginalFilename(), media.getContentType()),
                    metadata, idempotencyKey);
        } finally {
            Files.deleteIfExists(local);
        }
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
