package io.verbatim.pipeline.internal;

import io.verbatim.conversations.TranscriptCorrected;
import io.verbatim.pipeline.Pipeline;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A corrected transcript is analysed again from enrichment (redaction, sentiment, then the scorecards), as a
 * re-analysis would. A plain listener: the job is queued in the correcting transaction, so neither is kept without
 * the other.
 */
@Component
class CorrectionReanalysis {

    private final Pipeline pipeline;

    CorrectionReanalysis(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @EventListener
    void on(TranscriptCorrected corrected) {
        pipeline.rerunFrom(corrected.conversationId(), ReanalysisController.FIRST_ANALYSIS_STAGE);
    }
}
