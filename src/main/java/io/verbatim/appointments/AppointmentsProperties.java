package io.verbatim.appointments;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone            the time zone in which calls' spoken times ("today between one and three") and a rep's day
 *                        ({@code ?date=}) are read ({@code VERBATIM_APPOINTMENTS_ZONE})
 * @param defaultDuration the length of a proposed appointment when the call named only its start
 */
@ConfigurationProperties("verbatim.appointments")
public record AppointmentsProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("2h") Duration defaultDuration) {
}
