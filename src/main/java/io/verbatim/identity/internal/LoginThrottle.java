package io.verbatim.identity.internal;

import io.verbatim.identity.IdentityProperties;
import io.verbatim.platform.ProblemException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in attempts for an e-mail, or from an address, that failed too often recently; the same
 * counts guard TOTP codes (per account) and refresh tokens (per address). Kept in the database so the
 * limit holds across every node of a cluster.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final IdentityProperties.Throttle limits;

    LoginThrottle(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.throttle();
    }

    void check(String email, String ip) {
        long seconds = limits.window().toSeconds();
        Integer byEmail = jdbc.sql("SELECT count(*) FROM login_failures WHERE email_key = ? AND at > now() - make_interval(secs => ?)")
                .params(key(email), seconds).query(Integer.class).single();
        Integer byIp = jdbc.sql("SELECT count(*) FROM login_failures WHERE ip = ? AND at > now() - make_interval(secs => ?)")
                .params(ip, seconds).query(Integer.class).single();
        if (byEmail >= limits.maxFailuresPerEmail() || byIp >= limits.maxFailuresPerIp()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "Too many sign-in attempts",
                    "Too many failed sign-ins; try again in " + limits.window().toMinutes() + " minutes",
                    Map.of("retry_after_seconds", seconds));
        }
    }

    /**
     * Whether {@code key} (not an e-mail: {@code totp:<tenant>:<user>}, {@code refresh-token}) failed
     * {@code max} times within {@code window}; with an address, only failures from it count.
     */
    boolean tooMany(String key, String ip, int max, java.time.Duration window) {
        Integer failures = jdbc.sql("""
                SELECT count(*) FROM login_failures
                WHERE email_key = ? AND (CAST(? AS text) IS NULL OR ip = ?) AND at > now() - make_interval(secs => ?)""")
                .params(key(key), ip, ip, window.toSeconds()).query(Integer.class).single();
        return failures >= max;
    }

    void recordFailure(String email, String ip) {
        jdbc.sql("INSERT INTO login_failures (email_key, ip) VALUES (?, ?)").params(key(email), ip == null ? "" : ip).update();
        // Keep the table small now and then: failures older than a day no longer count for anything.
        if (ThreadLocalRandom.current().nextInt(50) == 0) {
            jdbc.sql("DELETE FROM login_failures WHERE at < now() - interval '1 day'").update();
        }
    }

    void clear(String email) {
        jdbc.sql("DELETE FROM login_failures WHERE email_key = ?").param(key(email)).update();
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
