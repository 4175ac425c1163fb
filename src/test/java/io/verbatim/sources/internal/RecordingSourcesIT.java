package io.verbatim.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ingest.DropFolderScanned;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/** The generic REST connector against a misbehaving local provider, the run history, schedule, backoff, and tenants. */
class RecordingSourcesIT extends PlatformTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    SourceScheduler scheduler;

    @Autowired
    ApplicationEventPublisher events;

    private FakeRecordingProvider provider;
    private String admin;
    private String name;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        name = "rec-" + UUID.randomUUID().toString().substring(0, 8);
        provider = new FakeRecordingProvider(name, 5);
        var r = api.send("PUT", "/api/v1/credentials/" + name, admin, Map.of(), api.json().writeValueAsString(Map.of(
                "base_url", provider.baseUrl(), "token_path", "/oauth/token", "recordings_path", "/api/v2/recordings",
                "recording_download_path", "/api/v2/recordings/{id}/media", "client_id", FakeRecordingProvider.CLIENT_ID,
                "client_secret", FakeRecordingProvider.CLIENT_SECRET, "username", FakeRecordingProvider.USER,
                "password", FakeRecordingProvider.PASSWORD)));
        assertThat(r.status()).isEqualTo(201);
    }

    @AfterEach
    void tearDown() {
        for (JsonNode s : api.get("/api/v1/sources?limit=500", admin).body().get("items")) {
            if (s.get("name").asString().equals(name)) {
                api.delete("/api/v1/sources/" + s.get("id").asString(), admin);
            }
        }
        provider.close();
    }

    private static final String SETTINGS = """
            {"items_path":"data","paging":"page","page_size":2,"total_pages_path":"meta.total_pages",
             "fields":{"id":"recording_id","agent":"agent_email","started_at":"call_start","direction":"dir",
                       "customer_number":"caller.number"}}""";

    private String create(String token, boolean enabled) {
        var r = api.post("/api/v1/sources", token, """
                {"name":"%s","kind":"rest","credential":"%s","interval":"15m","enabled":%s,"settings":%s}"""
                .formatted(name, name, enabled, SETTINGS));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    private JsonNode runAndWait(String source) throws InterruptedException {
        var started = api.post("/api/v1/sources/" + source + "/run", admin, "");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        return awaitRun(started.body().get("run_id").asString());
    }

    private JsonNode awaitRun(String run) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/v1/source-runs/" + run, admin).body();
            if (!"running".equals(last.get("status").asString())) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + run + " did not finish: " + last);
    }

    private List<JsonNode> conversations(String token) {
        JsonNode items = api.get("/api/v1/conversations?limit=500", token).body().get("items");
        List<JsonNode> mine = new java.util.ArrayList<>();
        items.forEach(c -> {
            if (name.equals(c.get("source").asString())) {
                mine.add(c);
            }
        });
        return mine;
    }

    @Test
    void aRunSurvivesExpiringTokensAServerErrorAndADuplicateAndTheNextRunFetchesNothingAgain() throws Exception {
        String source = create(admin, false);
        JsonNode run = runAndWait(source);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("triggered_by").asString()).isEqualTo("manual");
        assertThat(run.get("listed").asInt()).isEqualTo(6);
        assertThat(run.get("fetched").asInt()).isEqualTo(5);
        assertThat(run.get("duplicates").asInt()).isEqualTo(1);
        assertThat(run.get("failed").asInt()).isZero();
        assertThat(run.get("pages").asInt()).isEqualTo(3);
        assertThat(run.get("retries").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(provider.tokensIssued.get()).isGreaterThanOrEqualTo(2);
        assertThat(run.get("high_water_after").asString()).isEqualTo(provider.startOf(5).toString());
        assertThat(run.get("items").toString()).contains("\"outcome\":\"duplicate\"").contains(name + "-r2");

        List<JsonNode> fetched = conversations(admin);
        assertThat(fetched).hasSize(5);
        JsonNode first = fetched.stream().filter(c -> c.get("external_id").asString().equals(name + "-r1")).findFirst().orElseThrow();
        assertThat(first.get("agent").get("name").asString()).isEqualTo("Casey CSR");
        assertThat(first.get("direction").asString()).isEqualTo("inbound");
        assertThat(first.get("customer").get("phone").asString()).isEqualTo("+16125550101");
        assertThat(first.get("started_at").asString()).isEqualTo(provider.startOf(1).toString());
        assertThat(first.get("input").get("kind").asString()).isEqualTo("media");

        JsonNode again = runAndWait(source);
        assertThat(again.get("status").asString()).isEqualTo("succeeded");
        assertThat(again.get("fetched").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(6);
        assertThat(provider.sinceSeen).contains(provider.startOf(5).minus(Duration.ofHours(1)).toString());
        for (int i = 1; i <= 5; i++) {
            assertThat(provider.downloadsOf(name + "-r" + i)).as("downloads of r" + i).isEqualTo(1);
        }
        assertThat(conversations(admin)).hasSize(5);

        JsonNode history = api.get("/api/v1/sources/" + source + "/runs", admin).body().get("items");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).has("items")).isFalse();
        JsonNode view = api.get("/api/v1/sources/" + source, admin).body();
        assertThat(view.get("high_water_mark").asString()).isEqualTo(provider.startOf(5).toString());
        assertThat(view.get("consecutive_failures").asInt()).isZero();
    }

    @Test
    void aProviderThatKeepsFailingFailsTheRunWithItsReasonAndTheSourceBacksOff() throws Exception {
        String source = create(admin, false);
        provider.down.set(true);
        JsonNode run = runAndWait(source);
        assertThat(run.get("status").asString()).isEqualTo("failed");
        assertThat(run.get("error").asString()).contains("500").contains("4 attempts");
        assertThat(run.get("retries").asInt()).isGreaterThanOrEqualTo(3);
        // The run is marked failed before the source's back-off is written (two transactions): wait for the latter.
        JsonNode view = api.get("/api/v1/sources/" + source, admin).body();
        for (int i = 0; i < 50 && view.get("consecutive_failures").asInt() == 0; i++) {
            Thread.sleep(100);
            view = api.get("/api/v1/sources/" + source, admin).body();
        }
        assertThat(view.get("consecutive_failures").asInt()).isEqualTo(1);
        assertThat(view.get("last_error").asString()).contains("500");
        Instant next1 = Instant.parse(view.get("next_run_at").asString());
        assertThat(next1).isAfter(Instant.now().plus(Duration.ofMinutes(14)));

        runAndWait(source);
        JsonNode twice = api.get("/api/v1/sources/" + source, admin).body();
        assertThat(twice.get("consecutive_failures").asInt()).isEqualTo(2);
        assertThat(Instant.parse(twice.get("next_run_at").asString())).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
        assertThat(twice.has("high_water_mark")).isFalse();

        provider.down.set(false);
        JsonNode recovered = runAndWait(source);
        assertThat(recovered.get("status").asString()).isEqualTo("succeeded");
        assertThat(api.get("/api/v1/sources/" + source, admin).body().get("consecutive_failures").asInt()).isZero();
    }

    @Test
    void aRecordingThatCannotBeDownloadedFailsAloneAndHoldsTheHighWaterMark() throws Exception {
        provider.missingMedia.add(name + "-r3");
        String source = create(admin, false);
        JsonNode run = runAndWait(source);
        assertThat(run.get("status").asString()).isEqualTo("partial");
        assertThat(run.get("fetched").asInt()).isEqualTo(4);
        assertThat(run.get("failed").asInt()).isEqualTo(1);
        assertThat(run.get("items").toString()).contains(name + "-r3").contains("404");
        assertThat(Instant.parse(run.get("high_water_after").asString())).isBefore(provider.startOf(3));

        provider.missingMedia.clear();
        JsonNode retried = runAndWait(source);
        assertThat(retried.get("fetched").asInt()).isEqualTo(1);
        assertThat(retried.get("status").asString()).isEqualTo("succeeded");
        assertThat(conversations(admin)).hasSize(5);
    }

    @Test
    void aDueSourceRunsOnItsScheduleOncePerCluster() throws Exception {
        String source = create(admin, true);
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode runs = null;
        while (Instant.now().isBefore(deadline)) {
            scheduler.startDue();
            runs = api.get("/api/v1/sources/" + source + "/runs", admin).body().get("items");
            if (runs.size() > 0 && !"running".equals(runs.get(0).get("status").asString())) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.get(0).get("triggered_by").asString()).isEqualTo("schedule");
        assertThat(runs.get(0).get("status").asString()).isEqualTo("succeeded");
        // not due again for 15 minutes
        assertThat(scheduler.startDue()).isZero();
        assertThat(api.get("/api/v1/sources/" + source + "/runs", admin).body().get("items").size()).isEqualTo(1);
        assertThat(Instant.parse(api.get("/api/v1/sources/" + source, admin).body().get("next_run_at").asString()))
                .isAfter(Instant.now().plus(Duration.ofMinutes(14)));
    }

    @Test
    void settingsNamesAndRolesAreChecked() {
        assertThat(api.post("/api/v1/sources", admin, "{\"name\":\"x-" + name + "\",\"settings\":{\"paging\":\"sideways\"}}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-source-settings");
        assertThat(api.post("/api/v1/sources", admin, "{\"name\":\"x-" + name + "\",\"settings\":{\"fields\":{\"colour\":\"c\"}}}")
                .problemType()).isEqualTo("urn:verbatim:problem:invalid-source-settings");
        assertThat(api.post("/api/v1/sources", admin, "{\"name\":\"x-" + name + "\",\"interval\":\"1s\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-source-settings");
        assertThat(api.post("/api/v1/sources", admin, "{\"name\":\"twilio\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/sources", admin, "{\"name\":\"Bad Name\"}").status()).isEqualTo(400);
        String id = create(admin, false);
        var retried = api.post("/api/v1/sources", admin, """
                {"name":"%s","kind":"rest","credential":"%s","interval":"15m","enabled":false,"settings":%s}"""
                .formatted(name, name, SETTINGS));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("id").asString()).isEqualTo(id);
        assertThat(api.post("/api/v1/sources", admin, "{\"name\":\"" + name + "\"}").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/sources", api.token("manager@demo.local")).status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsAdminReachesNoneOfTheSourcesOrRuns() throws Exception {
        String source = create(admin, false);
        String run = runAndWait(source).get("id").asString();
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/sources?limit=500", acme).raw()).doesNotContain(source).doesNotContain(name);
        assertThat(api.get("/api/v1/sources/" + source, acme).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/sources/" + source, acme, "{\"enabled\":true}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/sources/" + source + "/run", acme, "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sources/" + source + "/runs", acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/source-runs/" + run, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/source-runs?limit=500", acme).raw()).doesNotContain(run).doesNotContain(name);
        assertThat(api.delete("/api/v1/sources/" + source, acme).status()).isEqualTo(404);
        assertThat(conversations(acme)).isEmpty();
        // acme's own source of the same name with acme's (missing) credential fails on its own
        var mine = api.post("/api/v1/sources", acme, "{\"name\":\"" + name + "\",\"enabled\":false}");
        assertThat(mine.status()).isEqualTo(201);
        var started = api.post("/api/v1/sources/" + mine.body().get("id").asString() + "/run", acme, "");
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode acmeRun = null;
        while (Instant.now().isBefore(deadline)) {
            acmeRun = api.get("/api/v1/source-runs/" + started.body().get("run_id").asString(), acme).body();
            if (!"running".equals(acmeRun.get("status").asString())) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(acmeRun.get("status").asString()).isEqualTo("failed");
        assertThat(acmeRun.get("error").asString()).contains("No credential named");
        assertThat(api.delete("/api/v1/sources/" + source, admin).status()).isEqualTo(204);
    }

    @Test
    void dropFolderScansAppearInTheSameRunHistoryOnceUntilSomethingChanges() {
        String file = "drop-" + UUID.randomUUID() + ".wav";
        TenantContext.runAs(new TenantId("demo-tenant"), () -> events.publishEvent(new DropFolderScanned("demo-tenant", 2, 7,
                List.of(new DropFolderScanned.Failure(file, "unsupported-media: not audio")))));
        TenantContext.runAs(new TenantId("demo-tenant"), () -> events.publishEvent(new DropFolderScanned("demo-tenant", 0, 9,
                List.of(new DropFolderScanned.Failure(file, "unsupported-media: not audio")))));
        ApiClient.Response runs = api.get("/api/v1/source-runs?source=drop-folder&limit=500", admin);
        assertThat(runs.status()).isEqualTo(200);
        JsonNode latest = runs.body().get("items").get(0);
        assertThat(latest.get("source_name").asString()).isEqualTo("drop-folder");
        assertThat(latest.get("fetched").asInt()).isEqualTo(2);
        assertThat(latest.get("failed").asInt()).isEqualTo(1);
        assertThat(latest.get("status").asString()).isEqualTo("partial");
        JsonNode detail = api.get("/api/v1/source-runs/" + latest.get("id").asString(), admin).body();
        assertThat(detail.get("items").toString()).contains(file).contains("unsupported-media");
        long withFile = 0;
        for (JsonNode r : runs.body().get("items")) {
            if (api.get("/api/v1/source-runs/" + r.get("id").asString(), admin).raw().contains(file)) {
                withFile++;
            }
        }
        assertThat(withFile).isEqualTo(1);
        assertThat(api.get("/api/v1/source-runs?source=drop-folder&limit=500", api.token("admin@acme.local")).raw()).doesNotContain(file);
    }
}
