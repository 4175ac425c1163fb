package io.verbatim.voiceagents.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The voice-agent dashboards: every assistant with its figures, and one assistant with its failed calls to review. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE')")
class AssistantsPage {

    static final int CALL_BACK_SHOWN = 25;
    private final VoiceCalls calls;
    private final LeadScores scores;

    AssistantsPage(VoiceCalls calls, LeadScores scores) {
        this.calls = calls;
        this.scores = scores;
    }

    @GetMapping("/assistants")
    String list(Model model) {
        Map<UUID, AssistantMetrics> metrics = calls.metrics();
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("assistants", calls.assistants().stream()
                .map(a -> AssistantController.AssistantView.of(a, metrics.get(a.id()))).toList());
        model.addAttribute("callBack", scores.callBackFirst(CALL_BACK_SHOWN));
        return "assistants";
    }

    @GetMapping("/assistants/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Assistant a = calls.find(id).orElseThrow(() -> ProblemException.notFound("Assistant " + id));
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("assistant", a);
        model.addAttribute("metrics", calls.metrics().getOrDefault(id, VoiceCalls.empty()));
        model.addAttribute("failures", calls.failures(id, AssistantController.FAILURES_SHOWN));
        return "assistant";
    }
}
