package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbound webhook paths are answered by their own route, ahead of Spring MVC and the security chain: the same
 * answers, the same problem+json refusals, the other methods and paths left to the rest of the application, and
 * their own request timer in the metrics.
 */
class InboundWebhookRouteIT extends PlatformTest {

    private static final String SECRET = "route-secret-" + UUID.randomUUID();
    private String admin;

    @Autowired
    private WebhookReception reception;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        var r = api.send("PUT", "/api/v1/credentials/vapi", admin, Map.of(), api.json().writeValueAsString(Map.of("secret", SECRET)));
        assertThat(r.status()).isIn(200, 201);
    }

    private ApiClient.Response vapi(String tenant, String body, String secret) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String signature = HexFormat.of().formatHex(Hmacs.hmac("HmacSHA256", secret.getBytes(), (ts + "." + body).getBytes()));
        return api.send("POST", "/api/v1/webhooks/" + tenant + "/vapi", null, Map.of("x-signature", signature, "x-timestamp", ts), body);
    }

    @Test
    void theRouteTakesItsPathsFromTheProviderBeans() {
        // The table InboundWebhookFilterTest routes with is this one: a provider bean added later is routed too.
        assertThat(reception.paths()).isEqualTo(Map.of("twilio", false, "vapi", false, "retell", false,
                "callrail", false, "generic", true));
    }

    @Test
    void aReportIsKeptOnceAndAnsweredAsJson() {
        String call = "route-" + UUID.randomUUID();
        String body = "{\"message\": {\"type\": \"end-of-call-report\", \"artifact\": {\"messages\": []}, \"call\": {\"id\": \"" + call + "\"}}}";
        var first = vapi("demo-tenant", body, SECRET);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("content-type")).startsWith("application/json");
        assertThat(first.body().get("received").asBoolean()).isTrue();
        assertThat(first.body().get("duplicate").asBoolean()).isFalse();
        assertThat(first.body().get("event_id").asString()).isEqualTo(call);
        assertThat(first.body().get("status").asString()).isEqualTo("pending");
        assertThat(first.body().has("ignored")).isFalse();
        var again = vapi("demo-tenant", body, SECRET);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        // The event is the tenant's: its admin sees it, another tenant's admin does not.
        assertThat(api.get("/api/v1/inbound-webhooks/" + first.body().get("id").asString(), admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/inbound-webhooks/" + first.body().get("id").asString(), api.token("admin@acme.local")).status())
                .isEqualTo(404);
    }

    @Test
    void refusalsAreProblemsAndStoreNothing() {
        var unreadable = vapi("demo-tenant", "{\"message\": {\"type\": \"end-of-call-report\"", SECRET);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.header("content-type")).startsWith("application/problem+json");
        assertThat(unreadable.problemType()).isEqualTo("urn:verbatim:problem:invalid-webhook-payload");
        assertThat(unreadable.body().get("instance").asString()).isEqualTo("/api/v1/webhooks/demo-tenant/vapi");
        assertThat(vapi("demo-tenant", "[1, 2]", SECRET).status()).isEqualTo(400);
        assertThat(vapi("demo-tenant", "{\"message\": {\"type\": \"end-of-call-report\"}}", SECRET).problemType())
                .isEqualTo("urn:verbatim:problem:invalid-webhook-payload"); // no call id

        // Another tenant's path with this tenant's secret: refused before anything is read or kept.
        String call = "route-other-" + UUID.randomUUID();
        var other = vapi("acme", "{\"message\": {\"type\": \"end-of-call-report\", \"call\": {\"id\": \"" + call + "\"}}}", SECRET);
        assertThat(other.status()).isEqualTo(401);
        assertThat(other.problemType()).isEqualTo("urn:verbatim:problem:invalid-signature");
        assertThat(api.get("/api/v1/inbound-webhooks?limit=500", api.token("admin@acme.local")).raw()).doesNotContain(call);

        var badSource = api.send("POST", "/api/v1/webhooks/demo-tenant/generic/Not_A_Source", null, Map.of(), "{}");
        assertThat(badSource.status()).isEqualTo(404);
        assertThat(badSource.problemType()).isEqualTo("urn:verbatim:problem:not-found");
    }

    @Test
    void otherMethodsAndPathsAreLeftToTheApplication() {
        assertThat(api.get("/api/v1/webhooks/demo-tenant/vapi", null).status()).isEqualTo(401); // the token chain
        assertThat(api.send("POST", "/api/v1/webhooks/demo-tenant/unknown", null, Map.of(), "{}").status()).isEqualTo(401);
    }

    @Test
    void theAcknowledgementsHaveTheirOwnTimer() {
        vapi("demo-tenant", "{\"message\": {\"type\": \"status-update\"}}", SECRET);
        String metrics = api.get("/actuator/prometheus", null).raw();
        assertThat(metrics).contains("verbatim_webhooks_acknowledgements_seconds_count{provider=\"vapi\",status=\"200\"}");
    }
}
