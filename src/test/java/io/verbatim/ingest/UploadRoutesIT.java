package io.verbatim.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.verbatim.flags.FlagKeys;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /api/v1/conversations} answers the same through the lean route (ahead of Spring MVC, the default) and
 * through the MVC controller (the {@code ingest-lean-route} flag off for the tenant): every scenario below, good and
 * bad input, repeats, another tenant, wrong roles, no caller, is sent through both, and the answers (status, headers,
 * body, with the new ids masked) must be equal. The lean route must have answered the first round and not the second.
 */
class UploadRoutesIT extends PlatformTest {

    private static final String ROOT = "root@verbatim.local";

    @Autowired
    MeterRegistry meters;

    /**
     * One request of the round; the argument makes its external ids and keys unique to the round. A null type: an
     * accepted upload (its Location is checked), or an answer only compared between the rounds.
     */
    private record Scenario(String name, int expectedStatus, String expectedType, Function<String, ApiClient.Response> send) {
    }

    @Test
    void theLeanRouteAndTheMvcControllerGiveTheSameAnswers() {
        Uploads uploads = new Uploads(api);
        String admin = api.token("admin@demo.local");
        String manager = api.token("manager@demo.local");
        String exec = api.token("exec@demo.local");
        String agent = api.token("csr1@demo.local");
        String root = api.token(ROOT);
        byte[] wav = TestAudio.clip(TestData.call("va_008.mono.wav"), 5, 1);
        byte[] transcript = "Agent: Thanks for calling, how can I help?\nCustomer: My heater stopped working.\n"
                .getBytes(StandardCharsets.UTF_8);
        Function<String, Part> meta = ext -> Part.json("metadata", "{\"external_id\":\"" + ext + "\",\"source\":\"routes\"}");
        Part text = new Part("transcript", "call.txt", "text/plain", transcript);

        List<Scenario> scenarios = List.of(
                new Scenario("recording", 202, null, r -> uploads.upload(admin, Map.of("Idempotency-Key", "k-" + r),
                        new Part("media", "clip.wav", "audio/wav", wav), meta.apply("rec-" + r))),
                new Scenario("same key, same body", 200, null, r -> uploads.upload(admin, Map.of("Idempotency-Key", "k-" + r),
                        new Part("media", "clip.wav", "audio/wav", wav), meta.apply("rec-" + r))),
                new Scenario("same key, other body", 409, "idempotency-key-reused", r -> uploads.upload(admin,
                        Map.of("Idempotency-Key", "k-" + r), text, meta.apply("other-" + r))),
                new Scenario("transcript by a manager", 202, null, r -> uploads.upload(manager, text, meta.apply("tx-" + r))),
                new Scenario("same external id", 200, null, r -> uploads.upload(admin, text, meta.apply("tx-" + r))),
                new Scenario("neither part", 400, "missing-input", r -> uploads.upload(admin, meta.apply("none-" + r))),
                new Scenario("both parts", 400, "missing-input", r -> uploads.upload(admin,
                        new Part("media", "clip.wav", "audio/wav", wav), text)),
                new Scenario("metadata not JSON", 400, "invalid-metadata", r -> uploads.upload(admin, text,
                        Part.json("metadata", "{not json"))),
                new Scenario("bad direction", 400, "invalid-direction", r -> uploads.upload(admin, text,
                        Part.json("metadata", "{\"direction\":\"sideways\"}"))),
                new Scenario("not media", 415, "unsupported-media", r -> uploads.upload(admin,
                        new Part("media", "notes.txt", "text/plain", transcript))),
                new Scenario("key too long", 400, "invalid-idempotency-key", r -> uploads.upload(admin,
                        Map.of("Idempotency-Key", "x".repeat(300)), text)),
                new Scenario("executive", 403, "forbidden", r -> uploads.upload(exec, text)),
                new Scenario("agent", 403, "forbidden", r -> uploads.upload(agent, text)),
                new Scenario("admin naming another tenant", 403, "forbidden", r -> uploads.upload(admin,
                        Map.of("X-Verbatim-Tenant", "acme"), text)),
                new Scenario("platform admin in the tenant", 202, null, r -> uploads.upload(root,
                        Map.of("X-Verbatim-Tenant", "demo-tenant"), text, meta.apply("root-" + r))),
                new Scenario("no caller", 401, "unauthenticated", r -> uploads.upload(null, text)),
                new Scenario("bad token", 401, "unauthenticated", r -> uploads.upload("not-a-token", text)),
                // MVC's own 415 in both rounds (the lean route leaves a body that is not multipart to it)
                new Scenario("not multipart", 415, null, r -> api.post("/api/v1/conversations", admin, "{}")));

        double before = answered();
        Map<String, String> lean = round(scenarios, "lean-" + UUID.randomUUID());
        double leanAnswered = answered() - before;
        Map<String, String> mvc;
        var off = api.send("PUT", "/api/v1/flags/" + FlagKeys.INGEST_LEAN_ROUTE + "/override", root,
                Map.of("X-Verbatim-Tenant", "demo-tenant"), "{\"value\":false}");
        assertThat(off.status()).as(off.raw()).isEqualTo(200);
        try {
            before = answered();
            mvc = round(scenarios, "mvc-" + UUID.randomUUID());
            assertThat(answered() - before).as("the lean route answered nothing with the flag off").isZero();
        } finally {
            assertThat(api.send("DELETE", "/api/v1/flags/" + FlagKeys.INGEST_LEAN_ROUTE + "/override", root,
                    Map.of("X-Verbatim-Tenant", "demo-tenant"), null).status()).isEqualTo(204);
        }
        // The lean route answered every upload of an upload role in demo (six go on to the security
        // chain's or MVC's own answers: 403s, 401s and the 415 of a body that is not multipart).
        assertThat(leanAnswered).isEqualTo(scenarios.size() - 6);
        for (Scenario s : scenarios) {
            assertThat(lean.get(s.name())).as(s.name()).isEqualTo(mvc.get(s.name()));
        }
    }

    @Test
    void anotherTenantSeesNothingOfAnUpload() {
        Uploads uploads = new Uploads(api);
        var r = uploads.upload(api.token("admin@demo.local"), new Part("transcript", "call.txt", "text/plain",
                "Agent: Hello.\nCustomer: Hi.\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(202);
        String id = r.body().get("id").asString();
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/conversations/" + id, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/" + id, api.token("admin@demo.local")).status()).isEqualTo(200);
    }

    private Map<String, String> round(List<Scenario> scenarios, String round) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            ApiClient.Response r = s.send().apply(round);
            assertThat(r.status()).as(s.name() + ": " + r.raw()).isEqualTo(s.expectedStatus());
            if (s.expectedType() != null) {
                assertThat(r.problemType()).as(s.name()).isEqualTo("urn:verbatim:problem:" + s.expectedType());
            } else if (r.status() < 300) {
                assertThat(r.header("location")).as(s.name()).isEqualTo("/api/v1/conversations/" + r.body().get("id").asString());
            }
            answers.put(s.name(), normalised(r, round));
        }
        return answers;
    }

    /**
     * Status, headers and body, with ids and the round's own names masked. Not compared: the date, and the message
     * framing (MVC flushes its JSON answer, so it goes out chunked; the lean route's fits Tomcat's buffer and goes out
     * with a Content-Length): the same bytes reach the client either way.
     */
    private static String normalised(ApiClient.Response r, String round) {
        Map<String, String> headers = new TreeMap<>(r.headers());
        headers.remove("date");
        headers.remove("content-length");
        headers.remove("transfer-encoding");
        return (r.status() + " " + headers + " " + r.raw()).replace(round, "<round>")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"<time>\""); // Boot's error body (the 415)
    }

    private double answered() {
        var counter = meters.find("verbatim.ingest.lean.route.answers").counter();
        return counter == null ? 0 : counter.count();
    }
}
