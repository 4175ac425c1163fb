package io.verbatim.support;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.TOTPGenerator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * An authenticator app in a test: reads the secret from an {@code otpauth://} URI (or the manual key) and
 * computes codes as the app would, independently of the server's own TOTP code.
 */
public final class TotpCodes {

    private final TOTPGenerator generator;

    private TotpCodes(String base32Secret) {
        this.generator = new TOTPGenerator.Builder(base32Secret.getBytes(StandardCharsets.US_ASCII))
                .withHOTPGenerator(b -> b.withPasswordLength(6).withAlgorithm(HMACAlgorithm.SHA1))
                .withPeriod(Duration.ofSeconds(30)).build();
    }

    public static TotpCodes fromUri(String otpauthUri) {
        String query = URI.create(otpauthUri).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("secret=")) {
                return new TotpCodes(pair.substring("secret=".length()));
            }
        }
        throw new IllegalArgumentException("No secret in " + otpauthUri);
    }

    public static TotpCodes fromKey(String base32Secret) {
        return new TotpCodes(base32Secret);
    }

    /** The code of the 30-second step {@code offset} steps from now (the server accepts -1, 0 and +1). */
    public String code(int offset) {
        return generator.at(Instant.now().getEpochSecond() + offset * 30L);
    }

    /** The current 30-second step. */
    public static long step() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** The code of a given step. */
    public String codeAt(long step) {
        return generator.at(step * 30);
    }

    /**
     * Waits, if needed, until at least 12 s are left in the current step, so that a test's codes for steps
     * -1, 0 and +1 are all still accepted when they arrive. A code is single-use: use each offset once.
     */
    public TotpCodes freshStep() {
        long left = 30 - Instant.now().getEpochSecond() % 30;
        if (left < 12) {
            try {
                Thread.sleep(left * 1000 + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return this;
    }
}
