package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.credentials.CredentialFields;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retell's signature as its SDKs compute it: v=<ms>,d=hex(HMAC-SHA256(api key, body + ms)), five-minute window. */
class RetellAuthTest {

    private static final CredentialFields KEY = new CredentialFields("retell", Map.of("api_key", "key_test"));
    private static final byte[] BODY = "{\"event\":\"call_analyzed\",\"call\":{\"call_id\":\"c1\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void knownVector() {
        // Computed independently: printf '%s%s' "$BODY" 1714608475945 | openssl dgst -sha256 -hmac key_test
        assertThat(RetellAuth.sign("key_test", BODY, "1714608475945"))
                .isEqualTo("ca95bd7d6f2256945ded1c0347ecf5685f7d60472de33f4c1f87294c3db46a53");
    }

    @Test
    void verifiesWithinFiveMinutesOnly() {
        Instant now = Instant.ofEpochMilli(1714608475945L);
        String good = "v=1714608475945,d=" + RetellAuth.sign("key_test", BODY, "1714608475945");
        assertThat(RetellAuth.verify(KEY, good, BODY, now)).isTrue();
        assertThat(RetellAuth.verify(KEY, good, BODY, now.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(RetellAuth.verify(KEY, good, BODY, now.plus(Duration.ofMinutes(5)).plusMillis(1))).isFalse();
        assertThat(RetellAuth.verify(KEY, good, BODY, now.minus(Duration.ofMinutes(5)).minusMillis(1))).isFalse();
        assertThat(RetellAuth.verify(KEY, good.toUpperCase().replace("V=", "v=").replace(",D=", ",d="), BODY, now)).isTrue();
        assertThat(RetellAuth.verify(KEY, good, "{}".getBytes(), now)).isFalse();
        assertThat(RetellAuth.verify(new CredentialFields("retell", Map.of("api_key", "other")), good, BODY, now)).isFalse();
        assertThat(RetellAuth.verify(new CredentialFields("retell", Map.of()), good, BODY, now)).isFalse();
        assertThat(RetellAuth.verify(KEY, null, BODY, now)).isFalse();
        assertThat(RetellAuth.verify(KEY, "d=" + RetellAuth.sign("key_test", BODY, "1714608475945"), BODY, now)).isFalse();
        assertThat(RetellAuth.verify(KEY, "v=abc,d=00", BODY, now)).isFalse();
    }
}
