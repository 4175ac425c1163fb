package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.support.TestData;
import io.verbatim.webhooks.StandardWebhooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every provider's signature scheme against the providers' own published test vectors (../shared/testdata/formats). */
class SignatureVectorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path format(String provider, String file) {
        return TestData.root().resolve("formats").resolve(provider).resolve(file);
    }

    private static JsonNode vectors(String provider) throws Exception {
        return JSON.readTree(Files.readAllBytes(format(provider, "signature-test-vectors.json")));
    }

    private static List<Map.Entry<String, String>> params(JsonNode object) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            params.add(Map.entry(e.getKey(), e.getValue().asString()));
        }
        return params;
    }

    @Test
    void twilioVectors() throws Exception {
        JsonNode v = vectors("twilio");
        String token = v.get("auth_token").asString();
        JsonNode cases = v.get("cases");
        List<Map.Entry<String, String>> base = params(cases.get(0).get("params"));

        // 1: form parameters
        assertThat(TwilioSignature.compute(token, cases.get(0).get("url").asString(), base))
                .isEqualTo(cases.get(0).get("expected_signature").asString());
        assertThat(TwilioSignature.validate(token, cases.get(0).get("url").asString(), base, null,
                cases.get(0).get("expected_signature").asString())).isTrue();
        assertThat(TwilioSignature.validate(token, cases.get(0).get("url").asString(), base, null, "RSOYDt4T1cUTdK1PDd93/VVr8B9="))
                .isFalse();
        assertThat(TwilioSignature.validate("54321", cases.get(0).get("url").asString(), base, null,
                cases.get(0).get("expected_signature").asString())).isFalse();

        // 2: repeated names and values: sorted, de-duplicated (parsed from the form body as Twilio posts it)
        List<Map.Entry<String, String>> multi = Form.parse(cases.get(1).get("params_urlencoded").asString()).pairs();
        assertThat(TwilioSignature.compute(token, cases.get(1).get("url").asString(), multi))
                .isEqualTo(cases.get(1).get("expected_signature").asString());

        // 3: https with a port: the validator also tries the URL without it
        assertThat(TwilioSignature.validate(token, cases.get(2).get("url").asString(), base, null,
                cases.get(2).get("expected_signature").asString())).isTrue();
        // 4: http with a port, signed with the port
        assertThat(TwilioSignature.validate(token, cases.get(3).get("url").asString(), base, null,
                cases.get(3).get("expected_signature").asString())).isTrue();
        // 5, 6: signed with the default port spelled out; the request URL has none
        assertThat(TwilioSignature.validate(token, cases.get(4).get("url").asString(), base, null,
                cases.get(4).get("expected_signature").asString())).isTrue();
        assertThat(TwilioSignature.validate(token, cases.get(5).get("url").asString(), base, null,
                cases.get(5).get("expected_signature").asString())).isTrue();

        // 7: JSON body: bodySHA256 in the URL, signature over the URL only; a changed body fails
        byte[] body = cases.get(6).get("body").asString().getBytes();
        assertThat(TwilioSignature.validate(token, cases.get(6).get("url").asString(), List.of(), body,
                cases.get(6).get("expected_signature").asString())).isTrue();
        assertThat(TwilioSignature.validate(token, cases.get(6).get("url").asString(), List.of(),
                "{\"property\": \"other\", \"boolean\": true}".getBytes(), cases.get(6).get("expected_signature").asString())).isFalse();
    }

    @Test
    void callRailVector() throws Exception {
        byte[] body = Files.readAllBytes(format("callrail", "webhook-signature-test-body.json"));
        assertThat(CallRailSignature.compute("072e77e426f92738a72fe23c4d1953b4", body)).isEqualTo("UZAHbUdfm3GqL7qzilGozGzWV64=");
        assertThat(CallRailSignature.validate("072e77e426f92738a72fe23c4d1953b4", body, "UZAHbUdfm3GqL7qzilGozGzWV64=")).isTrue();
        byte[] withNewline = (new String(body) + "\n").getBytes();
        assertThat(CallRailSignature.validate("072e77e426f92738a72fe23c4d1953b4", withNewline, "UZAHbUdfm3GqL7qzilGozGzWV64=")).isFalse();
        assertThat(CallRailSignature.validate("another-key", body, "UZAHbUdfm3GqL7qzilGozGzWV64=")).isFalse();
        assertThat(CallRailSignature.validate("072e77e426f92738a72fe23c4d1953b4", body, null)).isFalse();
    }

    @Test
    void standardWebhooksVectors() throws Exception {
        JsonNode v = vectors("standard-webhooks");
        for (JsonNode c : v.get("symmetric_v1")) {
            byte[] key = StandardWebhooks.key(c.get("secret").asString());
            byte[] payload = c.get("payload").asString().getBytes();
            long ts = c.get("timestamp").asLong();
            assertThat(StandardWebhooks.sign(key, c.get("msg_id").asString(), ts, payload)).isEqualTo(c.get("expected_signature").asString());
            Instant at = Instant.ofEpochSecond(ts);
            assertThat(StandardWebhooks.verify(key, c.get("msg_id").asString(), Long.toString(ts),
                    "v1a,bm90IHRoaXM= " + c.get("expected_signature").asString(), payload, at, Duration.ofMinutes(5))).isTrue();
            // a stale timestamp is refused even with a valid signature
            assertThat(StandardWebhooks.verify(key, c.get("msg_id").asString(), Long.toString(ts), c.get("expected_signature").asString(),
                    payload, at.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5))).isFalse();
            // another message id or body does not verify
            assertThat(StandardWebhooks.verify(key, "msg_other", Long.toString(ts), c.get("expected_signature").asString(), payload, at,
                    Duration.ofMinutes(5))).isFalse();
        }
        JsonNode first = v.get("symmetric_v1").get(0);
        for (JsonNode c : v.get("symmetric_v1_negative")) {
            long ts = first.get("timestamp").asLong();
            assertThat(StandardWebhooks.verify(StandardWebhooks.key(c.get("secret").asString()), c.get("msg_id").asString(),
                    Long.toString(ts), c.get("bad_signature").asString(), c.get("payload").asString().getBytes(),
                    Instant.ofEpochSecond(ts), Duration.ofMinutes(5))).isFalse();
        }
        assertThat(StandardWebhooks.verify(StandardWebhooks.key(first.get("secret").asString()), "m", "not-a-number", "v1,xx",
                new byte[0], Instant.now(), Duration.ofMinutes(5))).isFalse();
        assertThat(StandardWebhooks.newSecret()).startsWith("whsec_").hasSize(6 + 44);
    }

    @Test
    void vapiHmacBearerAndLegacySecret() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        byte[] body = "{\"message\":{\"type\":\"end-of-call-report\"}}".getBytes();
        CredentialFields credential = new CredentialFields("vapi", Map.of("secret", "vapi-secret"));
        String ts = Long.toString(now.getEpochSecond());
        String hex = HexFormat.of().formatHex(Hmacs.hmac("HmacSHA256", "vapi-secret".getBytes(), (ts + "." + new String(body)).getBytes()));
        Map<String, String> hmac = Map.of("x-signature", hex, "x-timestamp", ts);
        assertThat(VapiAuth.verify(credential, hmac::get, body, now, Duration.ofMinutes(5))).isTrue();
        assertThat(VapiAuth.verify(credential, hmac::get, "{}".getBytes(), now, Duration.ofMinutes(5))).isFalse();
        assertThat(VapiAuth.verify(credential, hmac::get, body, now.plusSeconds(3600), Duration.ofMinutes(5))).isFalse();

        // body-only HMAC in x-vapi-signature, as a Vapi HMAC credential without timestamp sends it
        CredentialFields bodyOnly = new CredentialFields("vapi", Map.of("secret", "vapi-secret", "include_timestamp", "false"));
        String bodyHex = HexFormat.of().formatHex(Hmacs.hmac("HmacSHA256", "vapi-secret".getBytes(), body));
        assertThat(VapiAuth.verify(bodyOnly, Map.of("x-vapi-signature", bodyHex)::get, body, now, Duration.ofMinutes(5))).isTrue();
        assertThat(VapiAuth.verify(bodyOnly, Map.of("x-vapi-signature", "sha256=" + bodyHex)::get, body, now, Duration.ofMinutes(5)))
                .isTrue();

        assertThat(VapiAuth.verify(credential, Map.of("authorization", "Bearer vapi-secret")::get, body, now, Duration.ofMinutes(5))).isTrue();
        assertThat(VapiAuth.verify(credential, Map.of("authorization", "Bearer nope")::get, body, now, Duration.ofMinutes(5))).isFalse();
        assertThat(VapiAuth.verify(credential, Map.of("x-vapi-secret", "vapi-secret")::get, body, now, Duration.ofMinutes(5))).isTrue();
        assertThat(VapiAuth.verify(credential, Map.<String, String>of()::get, body, now, Duration.ofMinutes(5))).isFalse();
    }
}
