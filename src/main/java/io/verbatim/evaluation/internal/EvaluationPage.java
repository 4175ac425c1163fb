package io.verbatim.evaluation.internal;

import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Settings > Evaluation: upload a labelled set and see how often the analyst agrees with it, item by item. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class EvaluationPage {

    private final FeatureFlags flags;

    EvaluationPage(FeatureFlags flags) {
        this.flags = flags;
    }

    @GetMapping("/settings/evaluation")
    String page(Model model) {
        flags.require(FlagKeys.EVALUATION);
        model.addAttribute("user", CurrentUser.require());
        return "settings/evaluation";
    }
}
