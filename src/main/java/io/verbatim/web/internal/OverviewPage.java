package io.verbatim.web.internal;

import io.verbatim.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Business Overview: the first page after signing in. */
@Controller
class OverviewPage {

    @GetMapping("/")
    String page(Model model) {
        model.addAttribute("user", CurrentUser.require());
        return "overview";
    }
}
