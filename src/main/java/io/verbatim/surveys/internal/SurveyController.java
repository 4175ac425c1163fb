package io.verbatim.surveys.internal;

import io.verbatim.platform.ProblemException;
import io.verbatim.surveys.SurveyVersion;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Admins write surveys; every signed-in user of the company reads them (a shopper answers one, a manager reads
 * the answers against it). Deleted surveys are hidden except from admins asking for {@code deleted=true}.
 */
@RestController
@RequestMapping("/api/v1/surveys")
class SurveyController {

    private final SurveyStore surveys;

    SurveyController(SurveyStore surveys) {
        this.surveys = surveys;
    }

    record SurveyBody(String name, JsonNode definition) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    SurveyVersion create(@RequestBody SurveyBody body) {
        return surveys.create(body.name(), body.definition());
    }

    @GetMapping
    Map<String, List<SurveyStore.Summary>> list(@RequestParam(defaultValue = "false") boolean deleted) {
        if (deleted && !io.verbatim.identity.CurrentUser.require().role().administers()) {
            throw ProblemException.forbidden("Only admins see deleted surveys");
        }
        return Map.of("items", surveys.list(deleted));
    }

    @GetMapping("/{id}")
    SurveyVersion get(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        if (version != null) {
            surveys.current(id).orElseThrow(() -> ProblemException.notFound("Survey " + id));
            return surveys.version(id, version).orElseThrow(() -> ProblemException.notFound("Version " + version + " of survey " + id));
        }
        return surveys.current(id).orElseThrow(() -> ProblemException.notFound("Survey " + id));
    }

    @GetMapping("/{id}/versions")
    Map<String, List<SurveyStore.VersionInfo>> versions(@PathVariable UUID id) {
        return Map.of("items", surveys.versions(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    SurveyVersion update(@PathVariable UUID id, @RequestBody SurveyBody body) {
        return surveys.update(id, body.name(), body.definition());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    void delete(@PathVariable UUID id) {
        surveys.delete(id);
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    SurveyVersion restore(@PathVariable UUID id) {
        return surveys.restore(id);
    }
}
