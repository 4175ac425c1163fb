package io.verbatim.adaptation.internal;

import io.verbatim.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Settings, Speech vocabulary: the tenant's phrases with their "sounds like" spellings, and the state of the
 * domain language model built from them and the tenant's transcripts. Saving goes through
 * {@code PUT /api/v1/speech/vocabulary} from {@code static/js/settings-speech.js}.
 */
@Controller
class SpeechVocabularyPage {

    private final VocabularyStore vocabulary;
    private final LanguageModelStore models;

    SpeechVocabularyPage(VocabularyStore vocabulary, LanguageModelStore models) {
        this.vocabulary = vocabulary;
        this.models = models;
    }

    @GetMapping("/settings/speech")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    @Transactional(readOnly = true)
    String page(Model model) {
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("phrases", vocabulary.phrases());
        var status = models.status().orElse(null);
        model.addAttribute("model", status);
        if (status != null) {
            // The tenant's new words: those its own text and vocabulary brought, not the base text's (the same for all).
            var base = io.verbatim.adaptation.lm.DomainModel.baseWords();
            model.addAttribute("newWords", status.pronunciations().keySet().stream().filter(w -> !base.contains(w)).sorted().toList());
            model.addAttribute("unpronounceable", status.unpronounceable().stream().filter(w -> !base.contains(w)).sorted().toList());
        }
        return "settings/speech";
    }
}
