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
 * cookie, so pages and their data requests carry exactly the API's identity. Its refresh token rides in
 * a second HttpOnly cookie sent only to {@code /login/refresh}; the MFA challenge between the password
 * and the code in a third, sent only to {@code /login/totp}.
 */
@Component
class SessionCookie {

    static final String NAME = "verbatim_session";
    static final String REFRESH = "verbatim_refresh";
    static final String REFRESH_PATH = "/login/refresh";
    static final String CHALLENGE = "verbatim_mfa";
    static final String CHALLENGE_PATH = "/login/totp";
    private final IdentityProperties properties;

    SessionCookie(IdentityProperties properties) {
        this.properties = properties;
    }

    /**
     * Sets both cookies of a started or refreshed session. The access cookie outlives its token (until the
     * session would idle out), so that a page request with an expired token is recognised and renewed.
     */
    void set(HttpServletResponse response, SignIns.Started session) {
        Duration life = Duration.ofSeconds(session.refreshExpiresIn());
        write(response, NAME, session.access().token(), "/", life);
        write(response, REFRESH, session.refreshToken(), REFRESH_PATH, life);
    }

    void clear(HttpServletResponse response) {
        write(response, NAME, "", "/", Duration.ZERO);
        write(response, REFRESH, "", REFRESH_PATH, Duration.ZERO);
    }

    void setChallenge(HttpServletResponse response, String challenge, long seconds) {
        write(response, CHALLENGE, challenge, CHALLENGE_PATH, Duration.ofSeconds(seconds));
    }

    void clearChallenge(HttpServletResponse response) {
        write(response, CHALLENGE, "", CHALLENGE_PATH, Duration.ZERO);
    }

    static String read(HttpServletRequest request) {
        return read(request, NAME);
    }

    static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private void write(HttpServletResponse response, String name, String value, String path, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value).httpOnly(true).secure(properties.secureCookie())
                .sameSite("Strict").path(path).maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
