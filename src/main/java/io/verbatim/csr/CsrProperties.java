package io.verbatim.csr;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code verbatim.csr.*}.
 *
 * @param rescueWindow how long after a missed call a booking still counts as its rescue (default 7 days)
 */
@ConfigurationProperties("verbatim.csr")
public record CsrProperties(Duration rescueWindow) {

    public CsrProperties {
        if (rescueWindow == null) {
            rescueWindow = Duration.ofDays(7);
        }
    }
}
