package io.verbatim.webhooks.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link InboundWebhookFilter} first in the servlet chain, before the request observation and the security
 * filters, and only on {@code /api/v1/webhooks/*} so no other request passes through it.
 */
@Configuration(proxyBeanMethods = false)
class InboundWebhookRoute {

    @Bean
    FilterRegistrationBean<InboundWebhookFilter> inboundWebhookFilter(WebhookReception reception, JsonMapper json,
                                                                     ObjectProvider<MeterRegistry> meters) {
        var registration = new FilterRegistrationBean<>(new InboundWebhookFilter(reception, json, meters.getIfAvailable()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns(InboundWebhookFilter.PREFIX + "*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
