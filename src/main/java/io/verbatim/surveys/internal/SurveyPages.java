package io.verbatim.surveys.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.platform.web.SoftDeletePages;
import io.verbatim.surveys.SurveyVersion;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The survey pages of the mystery-shopping UI, for admins: the list and the builder. The builder edits the definition
 * in the browser (survey-builder.js) and saves it through {@code /api/v1/surveys}, so the API's validation (422 with
 * the JSON path) and versioning apply as they do to any client. Also the soft delete (after a confirmation page) and the
 * deleted surveys with Restore, audited by the store as the API is.
 */
@Controller
class SurveyPages {

    private static final SoftDeletePages BIN = new SoftDeletePages("survey", "surveys", "/shopping/surveys");

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

    /** The confirmation before a soft delete (the API's {@code DELETE /api/v1/surveys/{id}}). */
    @GetMapping("/shopping/surveys/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        SurveyVersion survey = surveys.current(id).orElseThrow(() -> ProblemException.notFound("Survey " + id));
        return BIN.confirmDelete(model, id, survey.name());
    }

    @PostMapping("/shopping/surveys/{id}/delete")
    String delete(@PathVariable UUID id) {
        surveys.delete(id);
        return BIN.deletedRedirect(id);
    }

    /** The deleted surveys with Restore (the API's {@code GET /api/v1/surveys?deleted=true}). */
    @GetMapping("/shopping/surveys/deleted")
    String deleted(Model model) {
        return BIN.deletedList(model, surveys.list(true).stream().map(s -> new SoftDeletePages.DeletedRow(s.id(), s.name(),
                "v" + s.version() + " · " + s.questions(), s.deletedAt())).toList());
    }

    @PostMapping("/shopping/surveys/{id}/restore")
    String restore(@PathVariable UUID id) {
        surveys.restore(id);
        return BIN.restoredRedirect(id);
    }
}
