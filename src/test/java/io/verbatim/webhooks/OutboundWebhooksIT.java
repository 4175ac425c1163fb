package io.verbatim.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.ConversationFailed;
import io.verbatim.support.ApiClient;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.LocalHttpServer.Reply;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Outbound webhooks against a real local receiver: Standard Webhooks signatures, retries, 410, the
 * delivery log, replay, secret rotation, and tenants kept apart.
 */
class OutboundWebhooksIT extends PlatformTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    private LocalHttpServer receiver;
    private final AtomicInteger flaky = new AtomicInteger();
    private String admin;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        receiver = new LocalHttpServer().handle(r -> switch (r.path()) {
            case "/gone" -> Reply.status(410);
            case "/flaky" -> flaky.getAndIncrement() == 0 ? Reply.status(500) : Reply.status(204);
            default -> Reply.json(200, "{\"ok\":true}");
        });
    }

    @AfterEach
    void tearDown() {
        // endpoints pointing at this receiver would otherwise keep hearing other tests' conversations
        for (JsonNode e : api.get("/api/v1/webhook-endpoints?limit=500", admin).body().get("items")) {
            if (e.get("url").asString().startsWith(receiver.url(""))) {
                api.delete("/api/v1/webhook-endpoints/" + e.get("id").asString(), admin);
            }
        }
        receiver.close();
    }

    private ApiClient.Response register(String token, String path, String events) {
        return api.post("/api/v1/webhook-endpoints", token, """
                {"url":"%s","events":%s,"description":"test"}""".formatted(receiver.url(path), events));
    }

    private void publishAs(String tenant, Object event) {
        TenantContext.runAs(new TenantId(tenant), () -> new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(event)));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    private static boolean verifies(LocalHttpServer.Request r, String secret) {
        return StandardWebhooks.verify(StandardWebhooks.key(secret), r.header("webhook-id"), r.header("webhook-timestamp"),
                r.header("webhook-signature"), r.body(), Instant.now(), Duration.ofMinutes(5));
    }

    @Test
    void aCompletedConversationIsDeliveredSignedAndLoggedAndCanBeReplayed() throws Exception {
        String path = "/ok-" + UUID.randomUUID();
        var created = register(admin, path, "[\"conversation.completed\"]");
        assertThat(created.status()).isEqualTo(201);
        String endpoint = created.body().get("id").asString();
        String secret = created.body().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/webhook-endpoints/" + endpoint, admin).raw()).doesNotContain(secret).doesNotContain("secret");
        assertThat(api.get("/api/v1/webhook-endpoints?limit=500", admin).raw()).doesNotContain(secret);

        byte[] call = Files.readAllBytes(TestData.call("csr_003.json"));
        var upload = new Uploads(api).upload(admin, new Part("transcript", "csr_003.json", "application/json", call),
                Part.json("metadata", "{\"external_id\":\"out-" + UUID.randomUUID() + "\",\"source\":\"test\"}"));
        String conversation = upload.body().get("id").asString();
        // Other tests' conversations may complete meanwhile and be delivered too: follow this one's.
        await("a delivery", () -> receiver.requests(path).stream().anyMatch(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains(conversation)));
        LocalHttpServer.Request request = receiver.requests(path).stream().filter(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains(conversation))
                .findFirst().orElseThrow();
        assertThat(verifies(request, secret)).isTrue();
        assertThat(verifies(request, StandardWebhooks.newSecret())).isFalse();
        JsonNode payload = api.json().readTree(request.body());
        assertThat(payload.get("type").asString()).isEqualTo("conversation.completed");
        assertThat(payload.get("data").get("conversation_id").asString()).isEqualTo(conversation);
        assertThat(payload.get("data").get("tenant_id").asString()).isEqualTo("demo-tenant");
        assertThat(payload.get("data").get("source").asString()).isEqualTo("test");
        assertThat(request.header("webhook-id")).startsWith("msg_");

        await("the attempt logged", () -> ourDelivery(endpoint, request.header("webhook-id")) != null
                && ourDelivery(endpoint, request.header("webhook-id")).get("status").asString().equals("succeeded"));
        JsonNode delivery = ourDelivery(endpoint, request.header("webhook-id"));
        assertThat(delivery.get("status").asString()).isEqualTo("succeeded");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        String deliveryId = delivery.get("id").asString();
        JsonNode detail = api.get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries/" + deliveryId, admin).body();
        assertThat(detail.get("attempt_log").get(0).get("status_code").asInt()).isEqualTo(200);
        assertThat(detail.get("attempt_log").get(0).get("response").asString()).contains("ok");

        var replay = api.post("/api/v1/webhook-endpoints/" + endpoint + "/deliveries/" + deliveryId + "/replay", admin, "");
        assertThat(replay.status()).isEqualTo(202);
        await("the replay", () -> receiver.requests(path).stream().filter(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains(conversation)).count() == 2);
        LocalHttpServer.Request replayed = receiver.requests(path).stream().filter(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains(conversation))
                .skip(1).findFirst().orElseThrow();
        assertThat(replayed.header("webhook-id")).isEqualTo(request.header("webhook-id"));
        assertThat(verifies(replayed, secret)).isTrue();
        await("the replay logged", () -> api.get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries/" + deliveryId, admin)
                .body().get("attempt_log").size() == 2);
    }

    /** The endpoint's delivery with this message id, or null. */
    private JsonNode ourDelivery(String endpoint, String messageId) {
        for (JsonNode d : api.get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries?limit=500", admin).body().get("items")) {
            if (d.toString().contains(messageId)) {
                return d;
            }
        }
        return null;
    }

    @Test
    void aFailedAttemptIsRetriedWithBackoffAnd410DisablesTheEndpoint() throws Exception {
        String flakyEndpoint = register(admin, "/flaky", "[\"analysis.updated\"]").body().get("id").asString();
        String goneEndpoint = register(admin, "/gone", "[\"analysis.updated\",\"conversation.failed\"]").body().get("id").asString();
        UUID conversation = UUID.randomUUID();
        publishAs("demo-tenant", OutboundEvent.analysisUpdated("demo-tenant", conversation, "v1.0", "reanalysis"));

        await("the first attempt", () -> receiver.requests("/flaky").size() == 1);
        await("the retry after about 5 s", () -> receiver.requests("/flaky").size() == 2);
        JsonNode payload = api.json().readTree(receiver.requests("/flaky").get(1).body());
        assertThat(payload.get("type").asString()).isEqualTo("analysis.updated");
        assertThat(payload.get("data").get("analysis_version").asString()).isEqualTo("v1.0");
        await("success logged", () -> api.get("/api/v1/webhook-endpoints/" + flakyEndpoint + "/deliveries", admin).raw()
                .contains("\"status\":\"succeeded\""));
        String id = api.get("/api/v1/webhook-endpoints/" + flakyEndpoint + "/deliveries", admin).body().get("items").get(0).get("id").asString();
        JsonNode log = api.get("/api/v1/webhook-endpoints/" + flakyEndpoint + "/deliveries/" + id, admin).body().get("attempt_log");
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.get(0).get("status_code").asInt()).isEqualTo(500);
        assertThat(log.get(1).get("status_code").asInt()).isEqualTo(204);
        Duration backoff = Duration.between(Instant.parse(log.get(0).get("at").asString()), Instant.parse(log.get(1).get("at").asString()));
        assertThat(backoff).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(30));

        await("410 disables", () -> !api.get("/api/v1/webhook-endpoints/" + goneEndpoint, admin).body().get("enabled").asBoolean());
        JsonNode gone = api.get("/api/v1/webhook-endpoints/" + goneEndpoint, admin).body();
        assertThat(gone.get("disabled_reason").asString()).contains("410");
        int before = receiver.requests("/gone").size();
        publishAs("demo-tenant", new ConversationFailed("demo-tenant", conversation, "decoded", "corrupt-media", "bad header"));
        Thread.sleep(1500);
        assertThat(receiver.requests("/gone")).hasSize(before);
        String goneDelivery = api.get("/api/v1/webhook-endpoints/" + goneEndpoint + "/deliveries", admin).body().get("items").get(0)
                .get("id").asString();
        assertThat(api.post("/api/v1/webhook-endpoints/" + goneEndpoint + "/deliveries/" + goneDelivery + "/replay", admin, "")
                .problemType()).isEqualTo("urn:verbatim:problem:endpoint-disabled");
        // re-enabled, it hears the next event
        assertThat(api.patch("/api/v1/webhook-endpoints/" + goneEndpoint, admin, "{\"enabled\":true}").body().get("enabled").asBoolean())
                .isTrue();
        publishAs("demo-tenant", new ConversationFailed("demo-tenant", conversation, "decoded", "corrupt-media", "bad header"));
        await("the re-enabled endpoint called", () -> receiver.requests("/gone").size() > before);
        JsonNode failed = api.json().readTree(receiver.requests("/gone").getLast().body());
        assertThat(failed.get("type").asString()).isEqualTo("conversation.failed");
        assertThat(failed.get("data").get("error_type").asString()).isEqualTo("corrupt-media");
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneAndIdempotentCreationReturnsTheSameEndpoint() throws Exception {
        String path = "/rotate-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        String body = "{\"url\":\"" + receiver.url(path) + "\",\"events\":[\"analysis.updated\"]}";
        var first = api.send("POST", "/api/v1/webhook-endpoints", admin, Map.of("Idempotency-Key", key), body);
        var again = api.send("POST", "/api/v1/webhook-endpoints", admin, Map.of("Idempotency-Key", key), body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertThat(again.body().get("secret").asString()).isEqualTo(first.body().get("secret").asString());
        assertThat(api.send("POST", "/api/v1/webhook-endpoints", admin, Map.of("Idempotency-Key", key),
                body.replace(path, path + "x")).status()).isEqualTo(409);

        String endpoint = first.body().get("id").asString();
        String old = first.body().get("secret").asString();
        var rotated = api.post("/api/v1/webhook-endpoints/" + endpoint + "/rotate-secret", admin, "");
        String fresh = rotated.body().get("secret").asString();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        publishAs("demo-tenant", OutboundEvent.analysisUpdated("demo-tenant", UUID.randomUUID(), null, "pipeline"));
        await("a delivery", () -> !receiver.requests(path).isEmpty());
        LocalHttpServer.Request r = receiver.requests(path).getFirst();
        assertThat(r.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(r, fresh)).isTrue();
        assertThat(verifies(r, old)).isTrue();
    }

    @Test
    void badTargetsAndEventTypesAreRefusedAndOnlyAdminsManageEndpoints() {
        for (String url : List.of("ftp://example.com/hook", "file:///etc/passwd", "not a url", "http://user:pw@example.com/")) {
            var r = api.post("/api/v1/webhook-endpoints", admin, "{\"url\":\"" + url + "\",\"events\":[\"conversation.completed\"]}");
            assertThat(r.problemType()).as(url).isEqualTo("urn:verbatim:problem:target-refused");
        }
        assertThat(register(admin, "/x", "[\"conversation.deleted\"]").problemType()).isEqualTo("urn:verbatim:problem:invalid-event-type");
        assertThat(register(admin, "/x", "[]").problemType()).isEqualTo("urn:verbatim:problem:invalid-event-type");
        assertThat(register(api.token("manager@demo.local"), "/x", "[\"conversation.completed\"]").status()).isEqualTo(403);
        assertThat(register(null, "/x", "[\"conversation.completed\"]").status()).isEqualTo(401);
    }

    @Test
    void anotherTenantsAdminReachesNoneOfTheEndpointsAndHearsNoneOfTheEvents() throws Exception {
        String path = "/tenant-" + UUID.randomUUID();
        var created = register(admin, path, "[\"analysis.updated\"]");
        String endpoint = created.body().get("id").asString();
        publishAs("demo-tenant", OutboundEvent.analysisUpdated("demo-tenant", UUID.randomUUID(), null, "pipeline"));
        await("demo's delivery", () -> receiver.requests(path).size() == 1);
        await("logged", () -> api.get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries", admin).raw().contains("succeeded"));
        String delivery = api.get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries", admin).body().get("items").get(0).get("id").asString();

        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/webhook-endpoints?limit=500", acme).raw()).doesNotContain(endpoint);
        assertThat(api.get("/api/v1/webhook-endpoints/" + endpoint, acme).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/webhook-endpoints/" + endpoint, acme, "{\"enabled\":false}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/webhook-endpoints/" + endpoint + "/rotate-secret", acme, "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries", acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/webhook-endpoints/" + endpoint + "/deliveries/" + delivery, acme).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/webhook-endpoints/" + endpoint + "/deliveries/" + delivery + "/replay", acme, "").status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/webhook-endpoints/" + endpoint, acme).status()).isEqualTo(404);

        // acme's events never reach demo's endpoint
        publishAs("acme", OutboundEvent.analysisUpdated("acme", UUID.randomUUID(), null, "pipeline"));
        Thread.sleep(1500);
        assertThat(receiver.requests(path)).hasSize(1);
        assertThat(api.get("/api/v1/webhook-endpoints/" + endpoint, admin).body().get("enabled").asBoolean()).isTrue();
        assertThat(api.delete("/api/v1/webhook-endpoints/" + endpoint, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhook-endpoints/" + endpoint, admin).status()).isEqualTo(404);
    }
}
