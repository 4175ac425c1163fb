package io.verbatim.shopping.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.JsonNode;

/**
 * The survey builder's preview: a definition, saved or not, rendered as the shopper's visit form (the same
 * {@link SurveyForm} and template fragment as {@code /shopping/campaigns/{id}/visit}) in Spanish or English. It is
 * rendered with its own locale, not the page's, so an admin can look at both languages without switching the UI.
 * Nothing is stored; a definition the scorer would refuse still previews (saving is where it is checked).
 */
@Controller
class SurveyPreviewController {

    private final ITemplateEngine templates;

    SurveyPreviewController(ITemplateEngine templates) {
        this.templates = templates;
    }

    @PostMapping(path = "/shopping/surveys/preview", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String preview(@RequestBody JsonNode definition, @RequestParam(defaultValue = "es") String language) {
        if (!CurrentUser.require().role().administers()) {
            throw ProblemException.forbidden("Surveys are edited by admins");
        }
        if (!definition.isObject()) {
            throw ProblemException.badRequest("invalid-survey", "The preview needs a survey definition (a JSON object)");
        }
        Locale locale = Locale.of("en".equals(language) ? "en" : "es");
        Context context = new Context(locale, Map.of("form", SurveyForm.of(definition, locale), "language", locale.getLanguage()));
        return templates.process("shopping/survey-preview", context);
    }
}
