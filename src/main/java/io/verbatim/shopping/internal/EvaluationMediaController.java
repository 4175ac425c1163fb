package io.verbatim.shopping.internal;

import io.verbatim.storage.BlobResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An evaluation's recording for the player, with HTTP range requests so it can seek: the same scope as
 * {@code GET /api/v1/evaluations/{id}} (another company's, or one the caller may not see, is 404) and the same
 * streaming as a call's recording ({@link BlobResponses}).
 */
@RestController
class EvaluationMediaController {

    private final ShopperEvaluations evaluations;
    private final EvaluationRecordings recordings;

    EvaluationMediaController(ShopperEvaluations evaluations, EvaluationRecordings recordings) {
        this.evaluations = evaluations;
        this.recordings = recordings;
    }

    @GetMapping("/api/v1/evaluations/{id}/uploads/{uploadId}/media")
    void media(@PathVariable UUID id, @PathVariable UUID uploadId,
               @RequestHeader(name = HttpHeaders.RANGE, required = false) String range, HttpServletResponse response)
            throws IOException {
        EvaluationRecordings.Playable playable = recordings.of(evaluations.visible(id), uploadId);
        BlobResponses.write(recordings.blobs(), playable.key(), playable.contentType(), range, response);
    }
}
