package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.support.TestData;
import io.verbatim.tenancy.TenantId;
import io.verbatim.webhooks.StandardWebhooks;
import io.verbatim.webhooks.WebhookProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract every webhook verifier passes: its own signature verifies; any changed byte, another
 * secret or a missing signature does not; garbage never throws; a redelivery parses to the same event id.
 * Bodies are the providers' real samples.
 */
class InboundProviderContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookProperties PROPERTIES = new WebhookProperties(false, null, Duration.ofMinutes(5),
            DataSize.ofMegabytes(5), Duration.ofSeconds(1), 4, 8, Duration.ofSeconds(1), 16, Duration.ofSeconds(15),
            List.of(Duration.ofSeconds(5)), Duration.ofMinutes(5), DataSize.ofGigabytes(2), Duration.ofDays(30), Duration.ofSeconds(30), Duration.ZERO);
    private static final String URL = "https://verbatim.example.com/api/v1/webhooks/demo-tenant/";
    private static final Instant NOW = Instant.ofEpochSecond(1_770_000_000L);

    /** A provider, a credential, a real body, and how the provider signs it (headers for body + secret). */
    record Case(String name, InboundProvider provider, CredentialFields credential, CredentialFields other, byte[] body,
                String contentType, BiFunction<byte[], CredentialFields, Map<String, String>> signer) {
        InboundRequest request(byte[] body, Map<String, String> headers) {
            return new InboundRequest(new TenantId("demo-tenant"), provider.name(), "crm", URL + provider.name(), headers, body,
                    contentType, NOW);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> providers() throws Exception {
        byte[] twilio = Files.readAllBytes(TestData.root().resolve("formats/twilio/recording-status-callback.no-encryption.form-urlencoded.txt"));
        byte[] callrail = Files.readAllBytes(TestData.root().resolve("formats/callrail/webhook-signature-test-body.json"));
        String text = Files.readString(TestData.root().resolve("formats/vapi/end-of-call-report.docs-current.VERBATIM.txt"));
        int from = text.indexOf("```json") + 7;
        byte[] vapi = text.substring(from, text.indexOf("```", from)).replaceAll("/\\*.*?\\*/", "")
                .replace("\"call\": {  }", "\"call\": {\"id\": \"call-123\"}").getBytes(StandardCharsets.UTF_8);
        byte[] generic = "{\"external_id\":\"g-1\",\"transcript\":\"Agent: Hello.\\nCustomer: Hi.\"}".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                new Case("twilio", new TwilioProvider(), cred("auth_token", "12345"), cred("auth_token", "54321"), twilio,
                        "application/x-www-form-urlencoded", (body, c) -> Map.of("x-twilio-signature", TwilioSignature.compute(
                                c.require("auth_token"), URL + "twilio", Form.parse(body).pairs()))),
                new Case("vapi", new VapiProvider(JSON, PROPERTIES), cred("secret", "vapi-secret"), cred("secret", "other"), vapi,
                        "application/json", (body, c) -> {
                            String ts = Long.toString(NOW.getEpochSecond());
                            byte[] signed = (ts + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                            return Map.of("x-signature", HexFormat.of().formatHex(Hmacs.hmac("HmacSHA256",
                                    c.require("secret").getBytes(), signed)), "x-timestamp", ts);
                        }),
                new Case("callrail", new CallRailProvider(JSON), cred("signing_key", "072e77e426f92738a72fe23c4d1953b4"),
                        cred("signing_key", "another"), callrail, "application/json",
                        (body, c) -> Map.of("signature", CallRailSignature.compute(c.require("signing_key"), body))),
                new Case("generic", new GenericProvider(JSON, PROPERTIES), cred("secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                        cred("secret", StandardWebhooks.newSecret()), generic, "application/json", (body, c) -> Map.of(
                                "webhook-id", "msg_1", "webhook-timestamp", Long.toString(NOW.getEpochSecond()), "webhook-signature",
                                StandardWebhooks.sign(StandardWebhooks.key(c.require("secret")), "msg_1", NOW.getEpochSecond(), body))));
    }

    private static CredentialFields cred(String field, String value) {
        return new CredentialFields("test", Map.of(field, value));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void itsOwnSignatureVerifiesAndTheEventIdIsStable(Case c) {
        Map<String, String> headers = c.signer().apply(c.body(), c.credential());
        assertThat(c.provider().verify(c.request(c.body(), headers), c.credential())).isTrue();
        InboundProvider.Received first = c.provider().parse(c.request(c.body(), headers));
        InboundProvider.Received again = c.provider().parse(c.request(c.body(), headers));
        assertThat(first.eventId()).isNotBlank().isEqualTo(again.eventId());
        assertThat(first.keep()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void anyChangedByteAnotherSecretOrNoSignatureDoesNotVerify(Case c) {
        Map<String, String> headers = c.signer().apply(c.body(), c.credential());
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            byte[] changed = c.body().clone();
            int at = random.nextInt(changed.length);
            changed[at] = (byte) (changed[at] == 'x' ? 'y' : 'x');
            if (!java.util.Arrays.equals(changed, c.body())) {
                assertThat(c.provider().verify(c.request(changed, headers), c.credential())).as("byte " + at).isFalse();
            }
        }
        assertThat(c.provider().verify(c.request(c.body(), c.signer().apply(c.body(), c.other())), c.credential())).isFalse();
        assertThat(c.provider().verify(c.request(c.body(), headers), c.other())).isFalse();
        assertThat(c.provider().verify(c.request(c.body(), Map.of()), c.credential())).isFalse();
        assertThat(c.provider().verify(c.request(c.body(), headers), new CredentialFields("empty", Map.of()))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void garbageNeverThrowsFromVerification(Case c) {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : c.signer().apply(c.body(), c.credential()).keySet()) {
                byte[] value = new byte[random.nextInt(60)];
                random.nextBytes(value);
                headers.put(name, random.nextBoolean() ? new String(value, StandardCharsets.ISO_8859_1) : "%zz,v1,=&" + i);
            }
            assertThatCode(() -> assertThat(c.provider().verify(c.request(body, headers), c.credential())).isFalse())
                    .doesNotThrowAnyException();
        }
    }
}
