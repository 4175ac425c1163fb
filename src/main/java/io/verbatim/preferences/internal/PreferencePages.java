package io.verbatim.preferences.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.preferences.Preferences;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** {@code /preferences}: the signed-in user's language and notification e-mails; saved through the API by preferences.js. */
@Controller
class PreferencePages {

    private final PreferenceStore store;
    private final LocaleResolver locales;

    PreferencePages(PreferenceStore store, LocaleResolver locales) {
        this.store = store;
        this.locales = locales;
    }

    @GetMapping("/preferences")
    String page(@RequestParam(required = false) String lang, HttpServletRequest request, HttpServletResponse response, Model model) {
        // After saving, the page is shown in the stored language; an empty lang forgets this browser's earlier pick.
        if (lang != null) {
            locales.setLocale(request, response, Preferences.LANGUAGES.contains(lang) ? Locale.of(lang) : null);
        }
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("prefs", store.of(PreferenceController.me()));
        model.addAttribute("kinds", Preferences.EMAIL_KINDS);
        return "preferences";
    }
}
