package io.verbatim.flags;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshInterval how often a node checks the database for flag changes made elsewhere (a one-row read);
 *                        changes made on this node apply at once ({@code VERBATIM_FLAGS_REFRESH_INTERVAL})
 */
@ConfigurationProperties("verbatim.flags")
public record FlagsProperties(@DefaultValue("5s") Duration refreshInterval) {
}
