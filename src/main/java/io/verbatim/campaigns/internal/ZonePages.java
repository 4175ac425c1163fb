package io.verbatim.campaigns.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The zones page of the mystery-shopping pages, with the API's roles: everybody in the company reads the zones; admins
 * create, edit, delete (soft) and restore them, and see the deleted ones. Plain form posts through the same
 * {@link ZoneStore} as {@code /api/v1/zones}; a refusal (an ISO code, a name taken) shows on the page.
 */
@Controller
class ZonePages {

    private final ZoneStore zones;

    ZonePages(ZoneStore zones) {
        this.zones = zones;
    }

    /** What a zone form posts. */
    record ZoneForm(String name, String country, String state, String city) {

        ZoneStore.ZoneFields fields() {
            return new ZoneStore.ZoneFields(name, country == null ? null : country.strip(), state == null ? "" : state.strip(), city);
        }
    }

    /** A refusal: the message key of its problem type and the detail for a type without one. */
    record Refusal(String key, String detail) {
    }

    @GetMapping("/shopping/zones")
    String list(Model model) {
        return page(model, null, null);
    }

    @PostMapping("/shopping/zones")
    String create(ZoneForm form, Model model) {
        return act(model, form, () -> zones.create(form.fields()));
    }

    @PostMapping("/shopping/zones/{id}")
    String update(@PathVariable UUID id, ZoneForm form, Model model) {
        return act(model, null, () -> zones.update(id, form.fields()));
    }

    @PostMapping("/shopping/zones/{id}/delete")
    String delete(@PathVariable UUID id, Model model) {
        return act(model, null, () -> zones.delete(id));
    }

    @PostMapping("/shopping/zones/{id}/restore")
    String restore(@PathVariable UUID id, Model model) {
        return act(model, null, () -> zones.restore(id));
    }

    private String act(Model model, ZoneForm typed, Runnable change) {
        if (!CurrentUser.require().role().administers()) {
            throw ProblemException.forbidden("Zones are managed by admins");
        }
        try {
            change.run();
            return "redirect:/shopping/zones";
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            return page(model, typed, new Refusal("shop.zones.error." + e.type(), e.getMessage()));
        }
    }

    private String page(Model model, ZoneForm typed, Refusal refusal) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("user", user);
        model.addAttribute("zones", zones.list(false));
        model.addAttribute("deleted", user.role().administers() ? zones.list(true) : List.of());
        model.addAttribute("typed", typed == null ? new ZoneForm("", "DO", "", "") : typed);
        model.addAttribute("refusal", refusal);
        return "shopping/zones";
    }
}
