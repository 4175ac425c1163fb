package io.verbatim.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled create the demo tenants and users on start; unset = on for the embedded database,
 *                off for an external one ({@code VERBATIM_DEMO_ENABLED})
 * @param password the demo accounts' password
 * @param conversations also load the bundled demo conversations (recordings are transcribed in the background)
 */
@ConfigurationProperties("verbatim.demo")
public record DemoProperties(Boolean enabled, String password, @DefaultValue("true") boolean conversations) {

    public String passwordOrDefault() {
        return password == null || password.isBlank() ? "verbatim-demo" : password;
    }
}
