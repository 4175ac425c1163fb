package io.verbatim.shopping.internal;

import io.verbatim.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * tus 1.0 ({@code https://tus.io/protocols/resumable-upload}) for an evaluation's media: creation ({@code POST} →
 * 201 + {@code Location}), {@code HEAD} for the offset, {@code PATCH} to append, termination ({@code DELETE}),
 * checksum ({@code Upload-Checksum: sha1 <base64>}, mismatch → 460), expiration ({@code Upload-Expires} on creation
 * and on each PATCH that leaves the upload unfinished).
 */
@RestController
@RequestMapping("/api/v1/evaluations/{evaluationId}/uploads")
class TusController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TusController.class);
    static final String VERSION = "1.0.0";
    static final String OFFSET_CONTENT_TYPE = "application/offset+octet-stream";
    private final TusUploads uploads;

    TusController(TusUploads uploads) {
        this.uploads = uploads;
    }

    @ModelAttribute
    void tusResumable(HttpServletResponse response) {
        response.setHeader("Tus-Resumable", VERSION);
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().header("Tus-Version", VERSION)
                .header("Tus-Extension", "creation,termination,checksum,expiration")
                .header("Tus-Checksum-Algorithm", "sha1")
                .header("Tus-Max-Size", String.valueOf(uploads.maxSize())).build();
    }

    @PostMapping
    ResponseEntity<?> create(@PathVariable UUID evaluationId, @RequestHeader(name = "Tus-Resumable", required = false) String version,
                             @RequestHeader(name = "Upload-Length", required = false) Long length,
                             @RequestHeader(name = "Upload-Metadata", required = false) String metadata) {
        if (!VERSION.equals(version)) {
            return unsupportedVersion();
        }
        TusUploads.Upload u = uploads.create(evaluationId, length, metadata);
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + evaluationId + "/uploads/" + u.id()))
                .header("Upload-Offset", "0").header("Upload-Expires", expires()).build();
    }

    @RequestMapping(path = "/{uploadId}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(@PathVariable UUID evaluationId, @PathVariable UUID uploadId) {
        TusUploads.Upload u = uploads.head(evaluationId, uploadId);
        return ResponseEntity.ok().header("Upload-Offset", String.valueOf(u.offset()))
                .header("Upload-Length", String.valueOf(u.length())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PatchMapping("/{uploadId}")
    ResponseEntity<?> patch(@PathVariable UUID evaluationId, @PathVariable UUID uploadId, HttpServletRequest request,
                            @RequestHeader(name = "Tus-Resumable", required = false) String version,
                            @RequestHeader(name = "Upload-Offset", required = false) Long offset,
                            @RequestHeader(name = "Upload-Checksum", required = false) String checksum) throws IOException {
        if (!VERSION.equals(version)) {
            return unsupportedVersion();
        }
        if (!OFFSET_CONTENT_TYPE.equals(request.getContentType())) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), "upload-content-type", "Content-Type must be " + OFFSET_CONTENT_TYPE);
        }
        if (offset == null || offset < 0) {
            return problem(400, "upload-offset-required", "Upload-Offset is required");
        }
        long result = uploads.patch(evaluationId, uploadId, offset, checksum, request.getInputStream());
        var response = ResponseEntity.noContent().header("Upload-Offset", String.valueOf(Math.abs(result)));
        // tus expiration: an unfinished upload lasts spool-expiry from its last change (SpoolExpiry deletes it then).
        return result < 0 ? response.build() : response.header("Upload-Expires", expires()).build();
    }

    private String expires() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plus(uploads.expiry()));
    }

    @DeleteMapping("/{uploadId}")
    ResponseEntity<Void> terminate(@PathVariable UUID evaluationId, @PathVariable UUID uploadId,
                                   @RequestHeader(name = "Tus-Resumable", required = false) String version) {
        uploads.terminate(evaluationId, uploadId);
        return ResponseEntity.noContent().build();
    }

    /** A dropped connection is what tus is for, not a server error: the client resumes from HEAD. */
    @ExceptionHandler(TusUploads.Interrupted.class)
    ResponseEntity<ProblemDetail> interrupted(TusUploads.Interrupted e) {
        log.debug("tus PATCH interrupted: {}", e.getCause().toString());
        return problem(400, "upload-interrupted", "The connection dropped; HEAD gives the offset to resume from");
    }

    @ExceptionHandler(TusUploads.ChecksumMismatch.class)
    ResponseEntity<ProblemDetail> checksumMismatch(TusUploads.ChecksumMismatch e) {
        return problem(460, "checksum-mismatch", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> unsupportedVersion() {
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.PRECONDITION_FAILED.value(), "tus-version-unsupported",
                "Tus-Resumable: " + VERSION + " is required");
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders()).header("Tus-Version", VERSION).body(r.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(int status, String slug, String detail) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(Problems.type(slug));
        body.setTitle(status == 460 ? "Checksum mismatch" : "Upload refused");
        body.setDetail(detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
