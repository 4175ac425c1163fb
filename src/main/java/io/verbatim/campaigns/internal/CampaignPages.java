package io.verbatim.campaigns.internal;

import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.CampaignStatus;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.ProblemException;
import io.verbatim.platform.web.SoftDeletePages;
import io.verbatim.surveys.Surveys;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The campaign form of the mystery-shopping pages (admins, as the API): create and edit a campaign with its survey,
 * dates, zones, shoppers, managers and goals. A plain form post through the same {@link CampaignStore} as
 * {@code /api/v1/campaigns}; what the form or the store refuses is shown on the form, with what was typed kept. Also the
 * soft delete (after a confirmation page) and the deleted campaigns with Restore, audited by the store as the API is.
 */
@Controller
class CampaignPages {

    private static final SoftDeletePages BIN = new SoftDeletePages("campaign", "campaigns", "/shopping/campaigns");

    private final CampaignStore campaigns;
    private final ZoneStore zones;
    private final Surveys surveys;
    private final Users users;

    CampaignPages(CampaignStore campaigns, ZoneStore zones, Surveys surveys, Users users) {
        this.campaigns = campaigns;
        this.zones = zones;
        this.surveys = surveys;
        this.users = users;
    }

    @ModelAttribute
    void admin(Model model) {
        CurrentUser user = CurrentUser.require();
        if (!user.role().administers()) {
            throw ProblemException.forbidden("Campaigns are created and changed by admins");
        }
        model.addAttribute("user", user);
    }

    @GetMapping("/shopping/campaigns/new")
    String create(Model model) {
        return form(model, null, CampaignForm.empty(), List.of());
    }

    @GetMapping("/shopping/campaigns/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Campaign c = campaigns.find(id).orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        return form(model, id, CampaignForm.of(c), List.of());
    }

    @PostMapping("/shopping/campaigns")
    String created(CampaignForm form, Model model) {
        return save(null, form, model);
    }

    @PostMapping("/shopping/campaigns/{id}")
    String updated(@PathVariable UUID id, CampaignForm form, Model model) {
        campaigns.find(id).orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        return save(id, form, model);
    }

    /** The confirmation before a soft delete (the API's {@code DELETE /api/v1/campaigns/{id}}). */
    @GetMapping("/shopping/campaigns/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        Campaign c = campaigns.find(id).orElseThrow(() -> ProblemException.notFound("Campaign " + id));
        return BIN.confirmDelete(model, id, c.name());
    }

    @PostMapping("/shopping/campaigns/{id}/delete")
    String delete(@PathVariable UUID id) {
        campaigns.delete(id);
        return BIN.deletedRedirect(id);
    }

    /** The deleted campaigns with Restore (the API's {@code GET /api/v1/campaigns?deleted=true}). */
    @GetMapping("/shopping/campaigns/deleted")
    String deleted(Model model) {
        return BIN.deletedList(model, campaigns.list(true).stream().map(c -> new SoftDeletePages.DeletedRow(c.id(), c.name(),
                c.status().wire() + " · " + c.startDate() + " – " + c.endDate(), c.deletedAt())).toList());
    }

    @PostMapping("/shopping/campaigns/{id}/restore")
    String restore(@PathVariable UUID id) {
        campaigns.restore(id);
        return BIN.restoredRedirect(id);
    }

    private String save(UUID id, CampaignForm form, Model model) {
        List<CampaignForm.Error> errors = form.problems();
        if (errors.isEmpty()) {
            try {
                if (id == null) {
                    campaigns.create(form.fields());
                } else {
                    campaigns.update(id, form.fields());
                }
                return "redirect:/shopping/campaigns";
            } catch (ProblemException e) {
                errors = List.of(new CampaignForm.Error("shop.campaign.error." + e.type().replace("urn:verbatim:problem:", ""),
                        e.getMessage()));
            }
        }
        return form(model, id, form, errors);
    }

    private String form(Model model, UUID id, CampaignForm form, List<CampaignForm.Error> errors) {
        model.addAttribute("campaignId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", List.of(CampaignStatus.values()));
        model.addAttribute("surveys", surveys.names());
        model.addAttribute("zones", zones.list(false));
        List<User> people = users.list(new Users.UserFilter(null, null, null, true), null, 500).items();
        model.addAttribute("shoppers", people.stream().filter(u -> u.role() == Role.AGENT && u.agentKind() == AgentKind.SHOPPER).toList());
        model.addAttribute("managers", people.stream().filter(u -> u.role() == Role.MANAGER).toList());
        return "shopping/campaign-form";
    }
}
