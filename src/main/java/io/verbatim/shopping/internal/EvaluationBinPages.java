package io.verbatim.shopping.internal;

import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.campaigns.Zone;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.platform.web.SoftDeletePages;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Soft delete and restore of evaluations on the pages, for admins as in the API: a confirmation page before the delete,
 * and the deleted evaluations with Restore. Through {@link ShopperEvaluations}, which audits both
 * ({@code evaluation.deleted}, {@code evaluation.restored}); another company's evaluation is 404.
 */
@Controller
class EvaluationBinPages {

    private static final SoftDeletePages BIN = new SoftDeletePages("evaluation", "evaluations", "/shopping/evaluations");
    private final ShopperEvaluations evaluations;
    private final Campaigns campaigns;

    EvaluationBinPages(ShopperEvaluations evaluations, Campaigns campaigns) {
        this.evaluations = evaluations;
        this.campaigns = campaigns;
    }

    @ModelAttribute
    void admin(Model model) {
        CurrentUser user = CurrentUser.require();
        if (!user.role().administers()) {
            throw ProblemException.forbidden("Evaluations are deleted and restored by admins");
        }
        model.addAttribute("user", user);
    }

    @GetMapping("/shopping/evaluations/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        ShopperEvaluation e = evaluations.visible(id);
        return BIN.confirmDelete(model, id, row(e, campaignNames(), zoneNames()).label(), "/shopping/evaluations/" + id);
    }

    @PostMapping("/shopping/evaluations/{id}/delete")
    String delete(@PathVariable UUID id) {
        evaluations.delete(id);
        return BIN.deletedRedirect(id);
    }

    /** The deleted evaluations, newest first (the first 200; the API pages through all of them). */
    @GetMapping("/shopping/evaluations/deleted")
    String deleted(Model model) {
        Map<UUID, String> campaignNames = campaignNames();
        Map<UUID, String> zoneNames = zoneNames();
        return BIN.deletedList(model, evaluations.list(null, null, true, null, 200).items().stream()
                .map(e -> row(e, campaignNames, zoneNames)).toList());
    }

    @PostMapping("/shopping/evaluations/{id}/restore")
    String restore(@PathVariable UUID id) {
        evaluations.restore(id);
        return BIN.restoredRedirect(id);
    }

    private static SoftDeletePages.DeletedRow row(ShopperEvaluation e, Map<UUID, String> campaignNames, Map<UUID, String> zoneNames) {
        String campaign = campaignNames.getOrDefault(e.campaignId(), e.campaignId().toString());
        return new SoftDeletePages.DeletedRow(e.id(), campaign + " · " + e.createdAt().toString().substring(0, 10),
                zoneNames.getOrDefault(e.zoneId(), "") + " · " + e.status() + (e.score() == null ? "" : " · " + e.score()), e.deletedAt());
    }

    private Map<UUID, String> campaignNames() {
        return campaigns.visible().stream().collect(Collectors.toMap(Campaign::id, Campaign::name, (a, b) -> a));
    }

    private Map<UUID, String> zoneNames() {
        return campaigns.zones().stream().collect(Collectors.toMap(Zone::id, Zone::name, (a, b) -> a, java.util.HashMap::new));
    }
}
