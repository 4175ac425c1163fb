package io.verbatim.sso.internal;

import io.verbatim.platform.ProblemException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of provider a tenant picks from; each knows which issuers it accepts. */
enum SsoPreset {
    /** Google accounts (Workspace): one fixed issuer for every Google user, so domains matter. */
    GOOGLE,
    /** A Keycloak realm: {@code https://host[/auth]/realms/<realm>}. */
    KEYCLOAK,
    /** Any other OpenID Connect issuer. */
    CUSTOM;

    static final String GOOGLE_ISSUER = "https://accounts.google.com";
    private static final Pattern KEYCLOAK_PATH = Pattern.compile("(/[^/?#]+)*/realms/[^/?#]+");

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SsoPreset fromWire(String value) {
        for (SsoPreset preset : values()) {
            if (preset.wire().equals(value)) {
                return preset;
            }
        }
        throw ProblemException.badRequest("validation", "preset must be one of google, keycloak, custom");
    }

    /** The issuer this preset uses for what the admin gave (Google's own when none was given). */
    String issuer(String given) {
        String issuer = given == null ? "" : given.strip().replaceAll("/+$", "");
        if (this == GOOGLE) {
            if (!issuer.isEmpty() && !issuer.equals(GOOGLE_ISSUER)) {
                throw invalid("The Google preset's issuer is " + GOOGLE_ISSUER);
            }
            return GOOGLE_ISSUER;
        }
        URI uri;
        try {
            uri = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw invalid("issuer must be an absolute URL");
        }
        if (issuer.isEmpty() || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw invalid("issuer must be an absolute URL without query, fragment or user-info");
        }
        boolean loopback = uri.getHost().equals("localhost") || uri.getHost().startsWith("127.") || uri.getHost().equals("[::1]");
        // OpenID Connect requires https; plain http only for a provider on this machine.
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw invalid("issuer must be an https URL");
        }
        if (this == KEYCLOAK && (uri.getRawPath() == null || !KEYCLOAK_PATH.matcher(uri.getRawPath()).matches())) {
            throw invalid("A Keycloak issuer is https://<host>/realms/<realm>");
        }
        return issuer;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("sso-invalid-issuer", detail);
    }
}
