package io.verbatim.conversations.internal;

import io.verbatim.conversations.TranscriptCorrections;
import io.verbatim.conversations.TurnRevision;
import io.verbatim.speech.Transcript;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections of a transcript's turns. Admins and managers (within the conversations they see) correct; agents do
 * not, since the transcript is the evidence their calls are scored on; executives only read.
 */
@RestController
@RequestMapping("/api/v1/conversations/{id}")
class TranscriptCorrectionController {

    private final TranscriptCorrections corrections;

    TranscriptCorrectionController(TranscriptCorrections corrections) {
        this.corrections = corrections;
    }

    record Correction(String text) {
    }

    record Revisions(List<TurnRevision> revisions) {
    }

    /** Stores a revision, returns the corrected transcript and queues the conversation's re-analysis. */
    @PatchMapping("/turns/{index}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    public Transcript correct(@PathVariable UUID id, @PathVariable int index, @RequestBody Correction correction) {
        return corrections.correct(id, index, correction.text());
    }

    @GetMapping("/revisions")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE')")
    public Revisions revisions(@PathVariable UUID id) {
        return new Revisions(corrections.revisions(id));
    }
}
