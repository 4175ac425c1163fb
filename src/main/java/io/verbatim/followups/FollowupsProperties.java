package io.verbatim.followups;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone the time zone in which a call's spoken due dates ("today", "Tuesday") are read
 *             ({@code VERBATIM_FOLLOWUPS_ZONE})
 */
@ConfigurationProperties("verbatim.followups")
public record FollowupsProperties(@DefaultValue("UTC") ZoneId zone) {
}
