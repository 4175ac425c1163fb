package io.verbatim.shopping.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dual analysis of an evaluation (admins, executives, the campaign's managers; never shoppers), and the way to
 * analyse a visit from a transcript made elsewhere (the evaluation's shopper or an admin).
 */
@RestController
class EvaluationAnalysisController {

    static final int MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024;
    private final ShopperEvaluations evaluations;
    private final EvaluationAnalyses analyses;

    EvaluationAnalysisController(ShopperEvaluations evaluations, EvaluationAnalyses analyses) {
        this.evaluations = evaluations;
        this.analyses = analyses;
    }

    @GetMapping("/api/v1/evaluations/{id}/analysis")
    Map<String, Object> analysis(@PathVariable UUID id) {
        ShopperEvaluation e = evaluations.visible(id);
        if (CurrentUser.require().role() == Role.AGENT) {
            throw ProblemException.forbidden("Shoppers do not see the AI analysis of evaluations");
        }
        return analyses.find(id).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "analysis-not-ready", "Analysis not ready",
                "The evaluation is " + e.status() + (e.statusReason() == null ? "" : ": " + e.statusReason()),
                Map.of("status", e.status())));
    }

    @PostMapping("/api/v1/evaluations/{id}/transcript")
    ResponseEntity<ShopperEvaluation> transcript(@PathVariable UUID id, @RequestParam(required = false) String filename,
                                                 HttpServletRequest request) throws IOException {
        ShopperEvaluation e = evaluations.visible(id);
        CurrentUser user = CurrentUser.require();
        if (!user.role().administers() && !(user.role() == Role.AGENT && e.shopperId().equals(user.userId()))) {
            throw ProblemException.forbidden("Only the evaluation's shopper or an admin adds its transcript");
        }
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = in.readNBytes(MAX_TRANSCRIPT_BYTES + 1);
        }
        if (content.length == 0 || content.length > MAX_TRANSCRIPT_BYTES) {
            throw ProblemException.badRequest("invalid-transcript", "Send the transcript as the body (1 byte to 20 MB)");
        }
        analyses.startFromTranscript(id, content, filename);
        return ResponseEntity.accepted().body(evaluations.visible(id));
    }
}
