package io.verbatim.adaptation.internal;

import io.verbatim.adaptation.lm.DomainModel;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's tenant's speech vocabulary (managers and admins edit it, executives read it) and the state of its
 * domain language model.
 */
@RestController
@RequestMapping("/api/v1/speech")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
class SpeechVocabularyController {

    private final VocabularyStore vocabulary;
    private final LanguageModelStore models;

    SpeechVocabularyController(VocabularyStore vocabulary, LanguageModelStore models) {
        this.vocabulary = vocabulary;
        this.models = models;
    }

    record Vocabulary(List<DomainModel.Phrase> phrases) {
    }

    @GetMapping("/vocabulary")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE')")
    @Transactional(readOnly = true)
    Vocabulary vocabulary() {
        return new Vocabulary(vocabulary.phrases());
    }

    @PutMapping("/vocabulary")
    Vocabulary replace(@RequestBody Vocabulary body) {
        return new Vocabulary(vocabulary.replace(body == null ? null : body.phrases()));
    }

    /** The domain model's state; 404 until the first build was asked for (or the job found the tenant). */
    @GetMapping("/language-model")
    @Transactional(readOnly = true)
    LanguageModelStore.Status languageModel() {
        return models.status().orElseThrow(() -> io.verbatim.platform.ProblemException.notFound("Language model"));
    }

    @PostMapping("/language-model/rebuild")
    @Transactional
    ResponseEntity<LanguageModelStore.Status> rebuild() {
        models.requestRebuild();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(models.status().orElseThrow());
    }
}
