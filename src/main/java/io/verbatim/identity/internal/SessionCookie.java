package io.verbatim.identity.internal;

import io.verbatim.identity.IdentityProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The web UI's session: the same signed access token as the API, in an HttpOnly, SameSite=Strict
 * cookie, so pages and their data requests carry exactly the API's identity.
 */
@Component
class SessionCookie {

    static final String NAME = "verbatim_session";
    private final IdentityProperties properties;

    SessionCookie(IdentityProperties properties) {
        this.properties = properties;
    }

    void set(HttpServletResponse response, String token) {
        write(response, token, properties.tokenTtl());
    }

    void clear(HttpServletResponse response) {
        write(response, "", Duration.ZERO);
    }

    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private void write(HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(NAME, value).httpOnly(true).secure(properties.secureCookie())
                .sameSite("Strict").path("/").maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
