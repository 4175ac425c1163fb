package io.verbatim.identity.internal;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.SecretGenerator;
import com.bastiaanjansen.otp.TOTPGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, the parameters every
 * authenticator app supports). The secret is the Base32 text the {@code otpauth://} URI carries.
 */
final class Totp {

    static final Duration PERIOD = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Steps either side of now that still count: clocks drift, and typing a code takes time. */
    static final int DRIFT_STEPS = 1;

    private final TOTPGenerator generator;

    Totp(byte[] base32Secret, int digits) {
        this.generator = new TOTPGenerator.Builder(base32Secret)
                .withHOTPGenerator(b -> b.withPasswordLength(digits).withAlgorithm(HMACAlgorithm.SHA1))
                .withPeriod(PERIOD)
                .build();
    }

    Totp(byte[] base32Secret) {
        this(base32Secret, DIGITS);
    }

    /** A new 160-bit secret, Base32-encoded (RFC 4226 recommends 160 bits). */
    static byte[] newSecret() {
        return SecretGenerator.generate(160);
    }

    static long step(Instant at) {
        return at.getEpochSecond() / PERIOD.toSeconds();
    }

    String at(long epochSecond) {
        return generator.at(epochSecond);
    }

    /** The step whose code {@code code} is, among those near {@code now}; compared in constant time. */
    OptionalLong matchingStep(String code, Instant now) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = -1;
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            boolean same = MessageDigest.isEqual(at(step * PERIOD.toSeconds()).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
            if (same && found < 0) {
                found = step;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** The Key URI Format authenticator apps scan: {@code otpauth://totp/Issuer:account?secret=...}. */
    static String uri(byte[] base32Secret, String issuer, String account) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + new String(base32Secret, StandardCharsets.US_ASCII)
                + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD.toSeconds();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
