package io.verbatim.platform;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ISO 3166 codes for companies and zones: a country is an ISO 3166-1 alpha-2 code the JDK knows; a state is an
 * ISO 3166-2 subdivision code of that country ({@code DO-01}). The JDK has no subdivision list, so a state is
 * checked for its shape and its country prefix.
 */
public final class IsoRegions {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    private IsoRegions() {
    }

    /** The upper-cased country code, or a 400 {@code invalid-country}. */
    public static String country(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            throw ProblemException.badRequest("invalid-country", "country must be an ISO 3166-1 alpha-2 code (e.g. DO), not '" + code + "'");
        }
        return upper;
    }

    /** The upper-cased subdivision code of {@code country}, null for none, or a 400 {@code invalid-state}. */
    public static String state(String code, String country) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (!SUBDIVISION.matcher(upper).matches() || !upper.startsWith(country + "-")) {
            throw ProblemException.badRequest("invalid-state",
                    "state must be an ISO 3166-2 code of " + country + " (e.g. " + country + "-01), not '" + code + "'");
        }
        return upper;
    }
}
