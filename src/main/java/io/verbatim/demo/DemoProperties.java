package io.verbatim.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled create the demo tenants and users on start; unset = on for the embedded database,
 *                off for an external one ({@code VERBATIM_DEMO_ENABLED})
 * @param password the demo accounts' password
 */
@ConfigurationProperties("verbatim.demo")
public record DemoProperties(Boolean enabled, String password) {

    public String passwordOrDefault() {
        return password == null || password.isBlank() ? "verbatim-demo" : password;
    }
}
