package io.verbatim.contacts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Contact cards ({@code verbatim.contacts.*}).
 *
 * @param defaultRegion region for phone numbers written without a country code, unless the tenant's
 *                      {@code phone_region} setting names another
 * @param linkOnIntake  link every accepted conversation to its card inside the intake transaction; off only to
 *                      measure the intake baseline (scripts/bench.sh)
 */
@ConfigurationProperties("verbatim.contacts")
public record ContactsProperties(@DefaultValue("US") String defaultRegion, @DefaultValue("true") boolean linkOnIntake) {
}
