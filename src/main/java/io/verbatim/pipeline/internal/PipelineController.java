package io.verbatim.pipeline.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.pipeline.Pipeline;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class PipelineController {

    private final Pipeline pipeline;

    PipelineController(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Re-drives a failed conversation from the stage that failed. */
    record Stages(List<String> stages) {
    }

    /** The stages every conversation goes through, in order. */
    @GetMapping("/pipeline/stages")
    Stages stages() {
        return new Stages(pipeline.stages());
    }

    @PostMapping("/conversations/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    Conversation retry(@PathVariable UUID id) {
        return pipeline.retry(id);
    }
}
