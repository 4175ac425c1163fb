package io.verbatim.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * How a sign-in was proven, as the access token's {@code amr} claim (RFC 8176 values) and as Spring
 * Security's factor authorities. Spring Security has no TOTP factor, so {@link #TOTP_AUTHORITY} is ours.
 */
enum Factor {
    PASSWORD("pwd", FactorGrantedAuthority.PASSWORD_AUTHORITY),
    /** An authenticator code, or one of the user's recovery codes in its place. */
    TOTP("otp", Factor.TOTP_AUTHORITY),
    /** An external identity provider's sign-in (OIDC authorization code). */
    SSO("sso", FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY);

    static final String TOTP_AUTHORITY = "FACTOR_TOTP";

    private final String amr;
    private final String authority;

    Factor(String amr, String authority) {
        this.amr = amr;
        this.authority = authority;
    }

    String amr() {
        return amr;
    }

    String authority() {
        return authority;
    }

    static Optional<Factor> fromAmr(String value) {
        for (Factor factor : values()) {
            if (factor.amr.equals(value)) {
                return Optional.of(factor);
            }
        }
        return Optional.empty();
    }

    static List<Factor> fromAmr(List<String> values) {
        return values == null ? List.of() : values.stream().map(Factor::fromAmr).flatMap(Optional::stream).distinct().toList();
    }

    static List<String> amr(List<Factor> factors) {
        return factors.stream().map(Factor::amr).toList();
    }
}
