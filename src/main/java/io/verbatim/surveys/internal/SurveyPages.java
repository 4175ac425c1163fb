package io.verbatim.surveys.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.surveys.SurveyVersion;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The survey pages of the mystery-shopping UI, for admins: the list and the builder. The builder edits the definition
 * in the browser (survey-builder.js) and saves it through {@code /api/v1/surveys}, so the API's validation (422 with
 * the JSON path) and versioning apply as they do to any client.
 */
@Controller
class SurveyPages {

    private final SurveyStore surveys;

    SurveyPages(SurveyStore surveys) {
        this.surveys = surveys;
    }

    @ModelAttribute
    void admin(Model model) {
        CurrentUser user = CurrentUser.require();
        if (!user.role().administers()) {
            throw ProblemException.forbidden("Surveys are edited by admins");
        }
        model.addAttribute("user", user);
    }

    @GetMapping("/shopping/surveys")
    String list(Model model) {
        model.addAttribute("surveys", surveys.list(false));
        return "shopping/surveys";
    }

    @GetMapping("/shopping/surveys/new")
    String create(Model model) {
        model.addAttribute("survey", null);
        return "shopping/survey-builder";
    }

    @GetMapping("/shopping/surveys/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        SurveyVersion survey = surveys.current(id).orElseThrow(() -> ProblemException.notFound("Survey " + id));
        model.addAttribute("survey", survey);
        return "shopping/survey-builder";
    }
}
