package io.verbatim.ingest.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.verbatim.flags.FeatureFlags;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link LeanUploadFilter} last in the servlet chain: after the request observation and the security chain
 * (so the caller is authenticated, the second-factor policy applied and the tenant bound exactly as for any API
 * call), right before the dispatcher servlet, and only on {@code /api/v1/conversations}.
 */
@Configuration(proxyBeanMethods = false)
class LeanUploadRoute {

    @Bean
    FilterRegistrationBean<LeanUploadFilter> leanUploadFilter(UploadAcceptance acceptance, FeatureFlags flags, JsonMapper json,
                                                         ObjectProvider<MeterRegistry> meters) {
        var registration = new FilterRegistrationBean<>(new LeanUploadFilter(acceptance, flags, json, meters.getIfAvailable()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.addUrlPatterns(UploadAcceptance.PATH);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
