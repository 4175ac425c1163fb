package io.verbatim.shopping.internal;

import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.campaigns.Zone;
import io.verbatim.conversations.Conversations;
import io.verbatim.campaigns.CampaignStatus;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.shopping.ShoppingProperties;
import io.verbatim.surveys.SurveyVersion;
import io.verbatim.surveys.Surveys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mystery-shopping pages (Spanish or English, {@link ShoppingLocale}): evaluations and one evaluation, the
 * company dashboard and the campaigns. They show what the API shows the same caller, through the same services.
 */
@Controller
class ShoppingPages {

    private final ShopperEvaluations evaluations;
    private final EvaluationAnalyses analyses;
    private final DashboardController dashboard;
    private final Campaigns campaigns;
    private final Conversations conversations;
    private final ShoppingLocale locale;
    private final Surveys surveys;
    private final ShoppingProperties properties;
    private final EvaluationRecordings recordings;

    ShoppingPages(ShopperEvaluations evaluations, EvaluationAnalyses analyses, DashboardController dashboard, Campaigns campaigns,
                  Conversations conversations, ShoppingLocale locale, Surveys surveys, ShoppingProperties properties,
                  EvaluationRecordings recordings) {
        this.recordings = recordings;
        this.surveys = surveys;
        this.properties = properties;
        this.evaluations = evaluations;
        this.analyses = analyses;
        this.dashboard = dashboard;
        this.campaigns = campaigns;
        this.conversations = conversations;
        this.locale = locale;
    }

    /** Every page: the caller, and a picked language is remembered. */
    @ModelAttribute
    void common(@RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response, Model model) {
        if ("es".equals(lang) || "en".equals(lang)) {
            locale.setLocale(request, response, Locale.of(lang));
        }
        model.addAttribute("user", CurrentUser.require());
    }

    @GetMapping("/shopping/evaluations")
    String list(@RequestParam(required = false) UUID campaign, @RequestParam(required = false) String status,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", evaluations.list(campaign, status, false, cursor, 50));
        model.addAttribute("campaigns", names(campaigns.visible(), Campaign::id, Campaign::name));
        model.addAttribute("zones", names(campaigns.zones(), Zone::id, Zone::name));
        model.addAttribute("status", status);
        return "shopping/evaluations";
    }

    @GetMapping("/shopping/evaluations/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ShopperEvaluation e = evaluations.visible(id);
        model.addAttribute("e", e);
        model.addAttribute("campaign", campaigns.find(e.campaignId()).map(Campaign::name).orElse(""));
        model.addAttribute("zone", campaigns.zone(e.zoneId()).map(Zone::name).orElse(""));
        // Shoppers never see the AI analysis (as in the API).
        UUID analysed = null;
        if (CurrentUser.require().role() != Role.AGENT) {
            Optional<Map<String, Object>> analysis = analyses.find(id);
            if (analysis.isPresent()) {
                model.addAttribute("analysis", analysis.get());
                analysed = (UUID) analysis.get().get("conversation_id");
                model.addAttribute("turns", conversations.redactedTranscript(analysed).map(t -> t.turns()).orElse(List.of()));
            }
        }
        // The player the transcript is synced to (static/js/evaluation-player.js).
        model.addAttribute("recording", recordings.forPage(e, analysed).orElse(null));
        return "shopping/evaluation";
    }

    /**
     * The shopper's visit form for an active campaign they are assigned to: the survey's current version as a form, the
     * zone, the check-in time and the recording, which the page's script uploads with tus after submitting the answers.
     */
    @GetMapping("/shopping/campaigns/{id}/visit")
    String visit(@PathVariable UUID id, Locale pageLocale, Model model) {
        CurrentUser user = CurrentUser.require();
        if (user.role() != Role.AGENT || user.agentKind() != AgentKind.SHOPPER) {
            throw ProblemException.forbidden("Only shoppers submit visits");
        }
        Campaign campaign = campaigns.visible().stream().filter(c -> c.id().equals(id) && c.status() == CampaignStatus.ACTIVE)
                .findFirst().orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        SurveyVersion survey = surveys.current(campaign.surveyId())
                .orElseThrow(() -> ProblemException.notFound("The survey of campaign " + id));
        model.addAttribute("campaign", campaign);
        model.addAttribute("zones", campaign.zoneIds().stream().map(campaigns::zone).flatMap(Optional::stream).toList());
        model.addAttribute("form", SurveyForm.of(survey.definition(), pageLocale));
        model.addAttribute("language", survey.definition().path("locale").asString(pageLocale.getLanguage()));
        model.addAttribute("maxUpload", properties.maxUploadSize().toBytes());
        return "shopping/visit";
    }

    @GetMapping("/shopping/dashboard")
    String dashboard(Model model) {
        if (CurrentUser.require().role() == Role.AGENT) {
            throw ProblemException.forbidden("The dashboard is for admins, executives and managers");
        }
        Map<String, Object> data = dashboard.dashboard();
        model.addAttribute("data", data);
        return "shopping/dashboard";
    }

    @GetMapping("/shopping/campaigns")
    String campaigns(Model model) {
        model.addAttribute("campaigns", campaigns.visible());
        model.addAttribute("zones", names(campaigns.zones(), Zone::id, Zone::name));
        return "shopping/campaigns";
    }

    private static <T> Map<UUID, String> names(List<T> rows, Function<T, UUID> id, Function<T, String> name) {
        return rows.stream().collect(Collectors.toMap(id, name, (a, b) -> a));
    }
}
