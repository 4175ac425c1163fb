package io.verbatim.web.internal;

import io.verbatim.ask.AskScope;
import io.verbatim.flags.FeatureFlags;
import io.verbatim.flags.FlagKeys;
import io.verbatim.identity.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Ask: a question across the conversations the caller may see, answered by {@code POST /api/v1/ask} with citations. */
@Controller
class AskPage {

    private final FeatureFlags flags;

    AskPage(FeatureFlags flags) {
        this.flags = flags;
    }

    @GetMapping("/ask")
    String page(Model model) {
        flags.require(FlagKeys.ASK); // a designed page saying the feature is off
        CurrentUser user = CurrentUser.require();
        List<AskScope> scopes = AskScope.allowed(user);
        model.addAttribute("user", user);
        model.addAttribute("scopes", scopes.stream().map(AskScope::wire).toList());
        model.addAttribute("defaultScope", scopes.isEmpty() ? null : scopes.getLast().wire());
        return "ask";
    }
}
