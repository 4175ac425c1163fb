package io.verbatim.ingest.internal;

import io.verbatim.conversations.Accepted;
import io.verbatim.ingest.internal.UploadAcceptance.AcceptedView;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/v1/conversations}: a {@code media} part (audio/video) or a {@code transcript} part,
 * plus an optional {@code metadata} JSON part. Answers 202 with the status URL (200 for a repeat).
 * Normally {@link LeanUploadFilter} answers a multipart upload before it gets here; this mapping answers when
 * the {@code ingest-lean-route} flag is off for the tenant, and anything that is not multipart (415, as before).
 */
@RestController
@RequestMapping(UploadAcceptance.PATH)
class UploadController {

    private final UploadAcceptance acceptance;

    UploadController(UploadAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    ResponseEntity<AcceptedView> upload(MultipartHttpServletRequest request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey)
            throws IOException {
        Accepted accepted = acceptance.accept(request, idempotencyKey);
        AcceptedView view = AcceptedView.of(accepted);
        return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create(view.statusUrl()))
                .body(view);
    }
}
