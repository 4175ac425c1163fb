package io.verbatim.web.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.Page;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admins' settings pages: users and roles, teams, API keys, the scorecard editor and the analysis
 * settings. Shells rendered here (the users list too, so it reads through the tenant-scoped directory);
 * changes go through the JSON APIs from {@code static/js/settings-*.js}. Credentials live in their module.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class SettingsPages {

    private final Users users;

    SettingsPages(Users users) {
        this.users = users;
    }

    @GetMapping("/settings")
    String settings() {
        return "redirect:/settings/users";
    }

    @GetMapping("/settings/users")
    String users(Model model) {
        Page<User> page = users.list(Users.UserFilter.all(), null, Page.MAX_LIMIT);
        List<User> list = page.items().stream()
                .sorted(Comparator.comparing(User::active).reversed().thenComparing(u -> u.name().toLowerCase()))
                .toList();
        model.addAttribute("users", list);
        model.addAttribute("more", page.nextCursor() != null);
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r != Role.PLATFORM_ADMIN).map(Role::wire).toList());
        return page(model, "settings/users");
    }

    @GetMapping("/settings/teams")
    String teams(Model model) {
        return page(model, "settings/teams");
    }

    @GetMapping("/settings/api-keys")
    String apiKeys(Model model) {
        return page(model, "settings/api-keys");
    }

    @GetMapping("/settings/scorecards")
    String scorecards(Model model) {
        return page(model, "settings/scorecards");
    }

    @GetMapping("/settings/analysis")
    String analysis(Model model) {
        return page(model, "settings/analysis");
    }

    private static String page(Model model, String view) {
        model.addAttribute("user", CurrentUser.require());
        return view;
    }
}
