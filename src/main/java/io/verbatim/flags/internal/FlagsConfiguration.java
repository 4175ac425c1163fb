package io.verbatim.flags.internal;

import dev.openfeature.sdk.OpenFeatureAPI;
import io.verbatim.flags.FlagProvider;
import io.verbatim.flags.FlagSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An OpenFeature API of our own (not the JVM-wide singleton, so that two platforms in one JVM, as in tests and
 * benchmarks, never share a provider), with Verbatim's provider over the cached flags.
 */
@Configuration(proxyBeanMethods = false)
class FlagsConfiguration {

    @Bean(destroyMethod = "shutdown")
    OpenFeatureAPI openFeature(FlagSource flags) {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        api.setProviderAndWait(new FlagProvider(flags));
        return api;
    }
}
