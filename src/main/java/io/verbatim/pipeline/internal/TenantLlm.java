package io.verbatim.pipeline.internal;

import io.verbatim.analysis.GenerativeAnalyst;
import io.verbatim.analysis.TenantLlmSettings;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The tenant's LLM as the pipeline's generative analyst, when its ai-config names one ({@link TenantLlmSettings}). */
@Component
class TenantLlm {

    private final TenantLlmSettings settings;

    TenantLlm(TenantLlmSettings settings) {
        this.settings = settings;
    }

    Optional<GenerativeAnalyst> analyst() {
        return settings.current().map(GenerativeAnalyst::of);
    }
}
