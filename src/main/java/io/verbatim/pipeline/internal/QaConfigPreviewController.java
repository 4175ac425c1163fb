package io.verbatim.pipeline.internal;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.QaConfig;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.ScorecardResult;
import io.verbatim.analysis.TrackerResult;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.platform.ProblemException;
import io.verbatim.speech.Transcript;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * "Test on this call": scores one conversation with an edited, unsaved QA config, exactly as the
 * {@code analysed} stage would (same stored enrichment, same attributes, same {@link io.verbatim.analysis.Analyst}),
 * and returns the scorecard result without storing anything: no config, no analysis document, no flat record.
 *
 * <p>It lives in the pipeline module, not in analysis, because the inputs (the conversation, its transcript
 * and the stored enrichment) belong to modules that depend on analysis.
 */
@RestController
class QaConfigPreviewController {

    private final Conversations conversations;
    private final AnalysedStage stage;
    private final FeatureFlags flags;

    QaConfigPreviewController(Conversations conversations, AnalysedStage stage, FeatureFlags flags) {
        this.flags = flags;
        this.conversations = conversations;
        this.stage = stage;
    }

    /** {@code config}: a whole qa-config.json object; {@code conversation_id}: a conversation the caller may see. */
    record PreviewRequest(JsonNode config, UUID conversationId) {
    }

    /**
     * @param scorecard the result on the scorecard the config selects for this conversation, or null when none applies
     *                  ({@code warnings} then says so)
     * @param callReason the call reason under the config (its {@code call_reasons} taxonomy when it has one)
     */
    record Preview(UUID conversationId, ScorecardResult scorecard, List<TrackerResult> trackers, String callReason,
                   List<String> warnings) {
    }

    @PostMapping("/api/v1/analysis/qa-config/preview")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Preview preview(@RequestBody PreviewRequest request) {
        flags.require(FlagKeys.QA_CONFIG_PREVIEW);
        if (request.conversationId() == null) {
            throw ProblemException.badRequest("validation", "conversation_id is required");
        }
        if (request.config() == null || request.config().isNull() || request.config().isMissingNode()) {
            throw ProblemException.badRequest("validation", "config is required: the QA config (a JSON object) to test");
        }
        // Validated exactly like PUT /api/v1/analysis/qa-config: every error with its JSON path (422 invalid-qa-config).
        QaConfig config = QaConfigs.validate(QaConfigs.read(request.config()));
        Conversation conversation = conversations.getVisible(request.conversationId());
        Transcript transcript = conversations.transcript(conversation.id()).orElseThrow(() -> new ProblemException(
                HttpStatus.CONFLICT, "no-transcript", "No transcript", "The conversation has no transcript yet"));
        AnalysisResult result = stage.analyseBuiltIn(conversation, transcript, stage.enrichment(conversation, transcript), config);
        return new Preview(conversation.id(), result.scorecard(), result.trackers(),
                result.callReason() == null ? null : result.callReason().category(), result.warnings());
    }
}
