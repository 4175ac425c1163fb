package io.verbatim.pipeline.internal;

import io.verbatim.pipeline.Pipeline;
import io.verbatim.platform.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Re-analysis with the current configuration: one conversation, or a date range after a scorecard change. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
class ReanalysisController {

    /** Analysis starts again from enrichment; audio and transcript are kept. */
    static final String FIRST_ANALYSIS_STAGE = "enriched";
    static final int MAX_RANGE = 100_000;
    private final Pipeline pipeline;

    ReanalysisController(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    record Range(@NotNull Instant from, @NotNull Instant to) {
    }

    record Queued(int queued) {
    }

    @PostMapping("/conversations/{id}/reanalyse")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Queued one(@PathVariable UUID id) {
        pipeline.rerunFrom(id, FIRST_ANALYSIS_STAGE);
        return new Queued(1);
    }

    @PostMapping("/reanalyse")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Queued range(@Valid @RequestBody Range range) {
        if (!range.from().isBefore(range.to())) {
            throw ProblemException.badRequest("invalid-range", "from must be before to");
        }
        return new Queued(pipeline.rerunRange(range.from(), range.to(), FIRST_ANALYSIS_STAGE, MAX_RANGE));
    }
}
