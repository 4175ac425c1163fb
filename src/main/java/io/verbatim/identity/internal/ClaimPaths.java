package io.verbatim.identity.internal;

import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the first present claim of a list; dotted names reach into objects (Clerk v2 {@code o.id}). */
final class ClaimPaths {

    private ClaimPaths() {
    }

    static String first(Jwt jwt, List<String> names) {
        for (String name : names) {
            String value = read(jwt.getClaims(), name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String read(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            Object value = claims.get(name);
            return value == null ? null : value.toString();
        }
        int dot = name.indexOf('.');
        if (dot > 0 && claims.get(name.substring(0, dot)) instanceof Map<?, ?> nested) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) nested;
            return read(inner, name.substring(dot + 1));
        }
        return null;
    }
}
