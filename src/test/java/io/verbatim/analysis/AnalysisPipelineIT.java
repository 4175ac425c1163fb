package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantStorage;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.PublishedSchemas;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A conversation goes through enrichment and analysis; its documents are valid against the published schemas. */
class AnalysisPipelineIT extends PlatformTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Autowired
    TenantStorage storage;

    @Autowired
    Tenants tenants;

    private Uploads uploads;
    private String admin;

    @BeforeEach
    void setUp() {
        uploads = new Uploads(api);
        admin = api.token("admin@demo.local");
    }

    private String analysed(String call, String metadata) throws Exception {
        var r = uploads.upload(admin, new Part("transcript", call + ".json", "application/json",
                Files.readAllBytes(TestData.call(call + ".json"))), Part.json("metadata", metadata));
        String id = r.body().get("id").asString();
        JsonNode done = uploads.awaitStatus(admin, id, WAIT, "completed", "failed");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("stage").asString()).isEqualTo(lastStage());
        return id;
    }

    private String lastStage() {
        JsonNode stages = api.get("/api/v1/pipeline/stages", admin).body().get("stages");
        return stages.get(stages.size() - 1).asString();
    }

    @Test
    void anImportedCallIsEnrichedAnalysedAndItsDocumentsMatchThePublishedSchemas() throws Exception {
        String id = analysed("csr_002", """
                {"external_id":"an-%s","direction":"inbound","channel":"phone","agent":"csr1@demo.local","tags":["csr"]}"""
                .formatted(UUID.randomUUID()));
        var analysis = api.get("/api/v1/conversations/" + id + "/analysis", admin);
        assertThat(analysis.status()).isEqualTo(200);
        JsonNode call = analysis.body().get("call");
        JsonNode qa = analysis.body().get("qa");
        assertThat(PublishedSchemas.violations("calls-v2.0-flat.schema.json", call.toString())).isEmpty();
        assertThat(PublishedSchemas.violations("qa-v2.0-flat.schema.json", qa.toString())).isEmpty();

        assertThat(call.get("conversation_id").asString()).isEqualTo(id);
        assertThat(call.get("summary").asString()).isNotBlank();
        assertThat(StreamSupport.stream(call.get("pii").spliterator(), false).map(p -> p.get("type").asString()))
                .contains("EMAIL", "NAME");
        assertThat(StreamSupport.stream(call.get("objections").spliterator(), false).map(o -> o.get("category").asString()))
                .contains("price");
        assertThat(call.get("talk").get("agent_talk_seconds").asDouble()).isPositive();
        assertThat(qa.get("items").size()).isGreaterThan(5);
        JsonNode greeting = StreamSupport.stream(qa.get("items").spliterator(), false)
                .filter(i -> i.get("key").asString().equals("greeting")).findFirst().orElseThrow();
        assertThat(greeting.get("result").asString()).isEqualTo("met");
        assertThat(greeting.get("evidence").get(0).get("turn").asInt()).isZero();

        var blobs = storage.forTenant(tenants.get(new TenantId("demo-tenant")));
        for (BlobKey key : new BlobKey[] {blobs.layout().enrichedTranscript(id), blobs.layout().analysis(id),
                blobs.layout().flatCall(id), blobs.layout().flatQa(id)}) {
            assertThat(blobs.exists(key)).as(key.value()).isTrue();
        }
        assertThat(api.get("/api/v1/conversations/" + id + "/analysis", api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/" + id + "/analysis", api.token("csr2@demo.local")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/" + id + "/analysis", api.token("csr1@demo.local")).status()).isEqualTo(200);
    }

    @Test
    void aScorecardChangeIsValidatedStoredPerTenantAndAppliedByReanalysis() throws Exception {
        String id = analysed("sup_003", "{\"external_id\":\"re-" + UUID.randomUUID() + "\",\"direction\":\"inbound\"}");
        var defaults = api.get("/api/v1/analysis/qa-config", admin);
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.header("x-verbatim-config-source")).isEqualTo("defaults");

        var invalid = api.send("PUT", "/api/v1/analysis/qa-config", admin, java.util.Map.of(), "{\"scorecards\":[{\"key\":\"\"}]}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.problemType()).isEqualTo("urn:verbatim:problem:invalid-qa-config");

        var saved = api.send("PUT", "/api/v1/analysis/qa-config", admin, java.util.Map.of(), defaults.raw());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/analysis/qa-config", admin).header("x-verbatim-config-source")).isEqualTo("tenant");
        assertThat(api.get("/api/v1/analysis/qa-config", api.token("admin@acme.local")).header("x-verbatim-config-source"))
                .isEqualTo("defaults");
        assertThat(api.send("PUT", "/api/v1/analysis/qa-config", api.token("csr1@demo.local"), java.util.Map.of(), defaults.raw()).status())
                .isEqualTo(403);

        var before = api.get("/api/v1/conversations/" + id, admin).body().get("history").size();
        assertThat(api.post("/api/v1/conversations/" + id + "/reanalyse", admin, null).status()).isEqualTo(202);
        JsonNode again = uploads.awaitStatus(admin, id, WAIT, "completed");
        assertThat(again.get("stage").asString()).isEqualTo(lastStage());
        assertThat(api.get("/api/v1/conversations/" + id, admin).body().get("history").size()).isGreaterThan(before);
        assertThat(api.post("/api/v1/conversations/" + id + "/reanalyse", api.token("admin@acme.local"), null).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/analysis/qa-config", admin).status()).isEqualTo(204);
    }
}
