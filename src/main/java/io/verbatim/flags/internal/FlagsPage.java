package io.verbatim.flags.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings, Feature flags: every flag with its value for this tenant and why; tenant admins set or clear the
 * overrides a flag allows, platform admins also edit definitions (rollout, targeting, state) from the same page.
 * Changes go through {@code /api/v1/flags} from {@code static/js/settings-flags.js}.
 */
@Controller
class FlagsPage {

    private final FlagViews views;
    private final JsonMapper json;

    FlagsPage(FlagViews views, JsonMapper json) {
        this.views = views;
        this.json = json;
    }

    @GetMapping("/settings/flags")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    String page(Model model) {
        CurrentUser user = CurrentUser.require();
        List<FlagViews.FlagView> flags = views.all();
        boolean platform = user.role() == Role.PLATFORM_ADMIN;
        model.addAttribute("user", user);
        model.addAttribute("flags", flags);
        model.addAttribute("platform", platform);
        if (platform) {
            // The definition as PUT /api/v1/flags/{key} takes it, for the editor.
            Map<String, String> definitions = new LinkedHashMap<>();
            flags.forEach(f -> definitions.put(f.key(), json.writerWithDefaultPrettyPrinter().writeValueAsString(editable(f))));
            model.addAttribute("definitions", definitions);
        }
        return "settings/flags";
    }

    private static Map<String, Object> editable(FlagViews.FlagView f) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("description", f.description());
        d.put("type", f.type());
        d.put("variants", f.variants());
        d.put("default_variant", f.defaultVariant());
        d.put("state", f.state());
        d.put("rollout_percent", f.rolloutPercent());
        d.put("rollout_variant", f.rolloutVariant());
        d.put("allow_tenant_override", f.allowTenantOverride());
        d.put("targeting", f.targeting());
        return d;
    }
}
