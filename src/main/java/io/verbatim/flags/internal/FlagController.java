package io.verbatim.flags.internal;

import io.verbatim.flags.FlagDefinition;
import io.verbatim.flags.FlagSource;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flags as the caller's tenant sees them (admins), tenant overrides (admins, where a flag allows them; platform
 * admins always, in the tenant they act in) and the definitions themselves (platform admins only).
 */
@RestController
@RequestMapping("/api/v1/flags")
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
class FlagController {

    private final FlagSource flags;
    private final FlagViews views;
    private final FlagChanges changes;

    FlagController(FlagSource flags, FlagViews views, FlagChanges changes) {
        this.flags = flags;
        this.views = views;
        this.changes = changes;
    }

    record OverrideRequest(Object value) {
    }

    /** A definition as PUT takes it (the key is the path's; whether a flag is seeded is not the caller's to say). */
    record DefinitionRequest(String key, String description, String type, Map<String, Object> variants,
                             String defaultVariant, String state, Integer rolloutPercent, String rolloutVariant,
                             Boolean allowTenantOverride, List<FlagDefinition.TargetingRule> targeting) {
    }

    @GetMapping
    List<FlagViews.FlagView> list() {
        return views.all();
    }

    @GetMapping("/{key}")
    FlagViews.FlagView get(@PathVariable String key) {
        return views.of(find(key));
    }

    @PutMapping("/{key}")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    ResponseEntity<FlagViews.FlagView> define(@PathVariable String key, @RequestBody DefinitionRequest body) {
        if (body.key() != null && !body.key().equals(key)) {
            throw ProblemException.badRequest("invalid-flag", "The body's key '" + body.key() + "' is not the path's '" + key + "'");
        }
        FlagDefinition definition = new FlagDefinition(key, body.description(), body.type(), body.variants(),
                body.defaultVariant(), body.state(), body.rolloutPercent(), body.rolloutVariant(), Boolean.TRUE.equals(body.allowTenantOverride()),
                body.targeting(), false);
        boolean created = changes.saveDefinition(definition);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(views.of(find(key)));
    }

    @DeleteMapping("/{key}")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    ResponseEntity<Void> delete(@PathVariable String key) {
        changes.deleteDefinition(key);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{key}/override")
    FlagViews.FlagView override(@PathVariable String key, @RequestBody OverrideRequest body) {
        changes.setOverride(key, body == null ? null : body.value());
        return views.of(find(key));
    }

    @DeleteMapping("/{key}/override")
    ResponseEntity<Void> clearOverride(@PathVariable String key) {
        changes.clearOverride(key);
        return ResponseEntity.noContent().build();
    }

    private FlagSource.ResolvedFlag find(String key) {
        return flags.find(TenantContext.require(), key).orElseThrow(() -> ProblemException.notFound("Flag '" + key + "'"));
    }
}
