package io.verbatim.analysis;

import io.verbatim.analysis.internal.llm.LangChain4jProvider;

/** Builds the {@link LlmProvider} for a tenant's settings. */
public final class LlmProviders {

    private LlmProviders() {
    }

    public static LlmProvider create(LlmSettings settings) {
        return new LangChain4jProvider(settings);
    }
}
