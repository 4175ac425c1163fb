package io.verbatim.analysis.config;

import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.TenantAnalysisConfig;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's scorecards ({@code qa-config.json}) and analysis settings ({@code ai-config.json}).
 * Managers may edit scorecards; admins everything. After a change, {@code POST /api/v1/reanalyse}
 * with a date range re-scores past conversations.
 */
@RestController
@RequestMapping("/api/v1/analysis")
class AnalysisConfigController {

    private final TenantAnalysisConfig config;

    AnalysisConfigController(TenantAnalysisConfig config) {
        this.config = config;
    }

    @GetMapping(value = "/qa-config", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE')")
    ResponseEntity<byte[]> qaConfig() {
        return ResponseEntity.ok().header("X-Verbatim-Config-Source", config.hasOwnQaConfig() ? "tenant" : "defaults")
                .body(QaConfigs.write(config.qaConfig()));
    }

    @PutMapping(value = "/qa-config", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    byte[] saveQaConfig(@RequestBody byte[] body) {
        return QaConfigs.write(config.saveQaConfig(body));
    }

    /**
     * Checks a config without saving it: 200 with the config as it would be stored (normalised), or the same
     * 422 {@code invalid-qa-config} with every error's JSON path that PUT answers.
     */
    @PostMapping(value = "/qa-config/validate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    byte[] validateQaConfig(@RequestBody byte[] body) {
        return QaConfigs.write(QaConfigs.validate(QaConfigs.parse(body)));
    }

    /** Back to the shipped default scorecards. */
    @DeleteMapping("/qa-config")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    ResponseEntity<Void> resetQaConfig() {
        config.resetQaConfig();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/ai-config")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Map<String, Object> aiConfig() {
        return config.aiConfig();
    }

    @PutMapping("/ai-config")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    Map<String, Object> saveAiConfig(@RequestBody Map<String, Object> body) {
        return config.saveAiConfig(body);
    }
}
