package io.verbatim.identity.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters use the same lower-case names as JSON ({@code ?role=manager}). */
@Configuration(proxyBeanMethods = false)
class WebConversions implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Role.class, Role::fromWire);
        registry.addConverter(String.class, AgentKind.class, AgentKind::fromWire);
    }
}
