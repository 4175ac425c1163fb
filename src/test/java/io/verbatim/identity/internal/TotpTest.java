package io.verbatim.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 appendix B (SHA-1 rows), the otpauth URI, single-step matching and the QR rendering. */
class TotpTest {

    /** The RFC's seed: the 20 ASCII bytes "12345678901234567890", Base32-encoded as an otpauth URI carries it. */
    private static final byte[] RFC_SEED = new Base32().encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfc6238Sha1TestVectors(long time, String expected) {
        assertThat(new String(RFC_SEED, StandardCharsets.US_ASCII)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(new Totp(RFC_SEED, 8).at(time)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcValues() {
        assertThat(new Totp(RFC_SEED).at(59)).isEqualTo("287082");
        assertThat(new Totp(RFC_SEED).at(1111111109)).isEqualTo("081804");
    }

    @Test
    void acceptsOneStepEitherSideOfNowAndSaysWhichStepMatched() {
        Totp totp = new Totp(RFC_SEED);
        Instant now = Instant.ofEpochSecond(1_700_000_015L);
        long step = Totp.step(now);
        assertThat(totp.matchingStep(totp.at(now.getEpochSecond()), now)).hasValue(step);
        assertThat(totp.matchingStep(totp.at(now.getEpochSecond() - 30), now)).hasValue(step - 1);
        assertThat(totp.matchingStep(totp.at(now.getEpochSecond() + 30), now)).hasValue(step + 1);
        assertThat(totp.matchingStep(totp.at(now.getEpochSecond() - 60), now)).isEmpty();
        assertThat(totp.matchingStep(totp.at(now.getEpochSecond() + 90), now)).isEmpty();
        assertThat(totp.matchingStep("12345", now)).isEmpty();
        assertThat(totp.matchingStep("abcdef", now)).isEmpty();
        assertThat(totp.matchingStep(null, now)).isEmpty();
    }

    @Test
    void newSecretsAre160BitBase32() {
        byte[] secret = Totp.newSecret();
        assertThat(new String(secret, StandardCharsets.US_ASCII)).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void theUriFollowsTheKeyUriFormat() {
        String uri = Totp.uri(RFC_SEED, "Verbatim Demo", "ann@demo.local");
        assertThat(uri).isEqualTo("otpauth://totp/Verbatim%20Demo:ann%40demo.local?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Verbatim%20Demo&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void theQrCodeIsAPlainSvg() {
        String svg = QrSvg.of(Totp.uri(RFC_SEED, "Verbatim", "ann@demo.local"));
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>").contains("<path d=\"M")
                .doesNotContain("<script").doesNotContain("href");
    }
}
