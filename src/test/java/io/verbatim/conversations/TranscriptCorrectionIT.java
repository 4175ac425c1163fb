package io.verbatim.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code PATCH /api/v1/conversations/{id}/turns/{index}}: who may correct, tenant against tenant, the revision with
 * the original kept, and the re-analysis that follows (the corrected words are what Ask then finds).
 */
class TranscriptCorrectionIT extends PlatformTest {

    private String importedCall(String token, String agent) throws Exception {
        Uploads uploads = new Uploads(api);
        String metadata = """
                {"external_id":"correction-%s","direction":"inbound","channel":"phone","agent":"%s"}"""
                .formatted(UUID.randomUUID(), agent);
        var r = uploads.upload(token, new Part("transcript", "csr_003.json", "application/json",
                Files.readAllBytes(TestData.call("csr_003.json"))), Part.json("metadata", metadata));
        assertThat(r.status()).as(r.raw()).isIn(200, 202);
        String id = r.body().get("id").asString();
        assertThat(uploads.awaitStatus(token, id, Duration.ofSeconds(120), "completed", "failed").get("status").asString())
                .isEqualTo("completed");
        return id;
    }

    @Test
    void aManagerCorrectsATurnTheOriginalIsKeptAndTheCallIsAnalysedAgain() throws Exception {
        String admin = api.token("admin@demo.local");
        String manager = api.token("manager@demo.local");
        String id = importedCall(admin, "csr1@demo.local");
        String path = "/api/v1/conversations/" + id;
        String original = api.get(path + "/transcript", admin).body().get("turns").get(0).get("text").asString();
        assertThat(original).isEqualTo("Good morning, Rapid Rooter Plumbing, this is Ron.");

        ApiClient.Response patched = api.patch(path + "/turns/0", manager,
                "{\"text\": \"  Good morning, Rapid Rooter Plumbing and Quillfeather Drains,   this is Ron. \"}");
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        String corrected = "Good morning, Rapid Rooter Plumbing and Quillfeather Drains, this is Ron.";
        assertThat(patched.body().get("turns").get(0).get("text").asString()).isEqualTo(corrected);

        JsonNode now = api.get(path + "/transcript", admin).body().get("turns");
        assertThat(now.get(0).get("text").asString()).isEqualTo(corrected);
        assertThat(now.get(0).get("words")).isEmpty();
        assertThat(now.get(1).get("text").asString()).isEqualTo("Hi, morning. Do you guys pump septic tanks?");
        assertThat(api.get(path + "/transcript?original=true", admin).body().get("turns").get(0).get("text").asString())
                .isEqualTo(original);

        // a second correction: the original stays the first text, the previous text is the first correction
        assertThat(api.patch(path + "/turns/0", admin, "{\"text\": \"" + corrected.replace("Ron", "Ronald") + "\"}").status())
                .isEqualTo(200);
        JsonNode revisions = api.get(path + "/revisions", manager).body().get("revisions");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).get("turn_index").asInt()).isZero();
        assertThat(revisions.get(0).get("previous_text").asString()).isEqualTo(original);
        assertThat(revisions.get(0).get("edited_by_email").asString()).isEqualTo("manager@demo.local");
        assertThat(revisions.get(0).get("edited_at").asString()).isNotBlank();
        assertThat(revisions.get(1).get("previous_text").asString()).isEqualTo(corrected);
        assertThat(revisions.get(1).get("original_text").asString()).isEqualTo(original);
        assertThat(api.get(path + "/transcript?original=true", admin).body().get("turns").get(0).get("text").asString())
                .isEqualTo(original);

        // the correction re-runs the analysis from enrichment; Ask then cites the corrected words
        JsonNode done = new Uploads(api).awaitStatus(admin, id, Duration.ofSeconds(120), "completed", "failed");
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(api.get(path, admin).body().get("history").toString())
                .contains("turn 0 corrected").contains("re-run from enriched");
        ApiClient.Response asked = api.post("/api/v1/ask", admin,
                "{\"question\": \"Who mentioned Quillfeather Drains?\", \"conversation_id\": \"" + id + "\"}");
        assertThat(asked.status()).as(asked.raw()).isEqualTo(200);
        assertThat(asked.raw()).contains("Quillfeather");

        assertThat(api.get("/api/v1/audit?action=transcript.turn_corrected", admin).raw())
                .contains("manager@demo.local").contains(id).doesNotContain("Quillfeather");
    }

    @Test
    void agentsExecutivesAndOtherTenantsCannotCorrect() throws Exception {
        String admin = api.token("admin@demo.local");
        String id = importedCall(admin, "csr1@demo.local");
        String path = "/api/v1/conversations/" + id;
        String body = "{\"text\": \"Nothing of the sort.\"}";

        // the agent whose call it is sees it but may not rewrite the evidence it is scored on
        assertThat(api.get(path + "/transcript", api.token("csr1@demo.local")).status()).isEqualTo(200);
        assertThat(api.patch(path + "/turns/0", api.token("csr1@demo.local"), body).status()).isEqualTo(403);
        assertThat(api.get(path + "/revisions", api.token("csr1@demo.local")).status()).isEqualTo(403);
        assertThat(api.patch(path + "/turns/0", api.token("exec@demo.local"), body).status()).isEqualTo(403);
        assertThat(api.get(path + "/revisions", api.token("exec@demo.local")).status()).isEqualTo(200);
        assertThat(api.patch(path + "/turns/0", null, body).status()).isEqualTo(401);

        // another tenant's admin: not found, exactly like a conversation that does not exist
        String acme = api.token("admin@acme.local");
        ApiClient.Response foreign = api.patch(path + "/turns/0", acme, body);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.get(path + "/revisions", acme).status()).isEqualTo(404);
        assertThat(api.get(path + "/transcript?original=true", acme).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/conversations/" + UUID.randomUUID() + "/turns/0", admin, body).status()).isEqualTo(404);

        // bad requests
        ApiClient.Response blank = api.patch(path + "/turns/0", admin, "{\"text\": \"   \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.problemType()).isEqualTo("urn:verbatim:problem:invalid-turn-text");
        ApiClient.Response missing = api.patch(path + "/turns/999", admin, body);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemType()).isEqualTo("urn:verbatim:problem:no-such-turn");

        // nothing was changed by any of them
        assertThat(api.get(path + "/revisions", admin).body().get("revisions")).isEmpty();
        assertThat(api.get(path + "/transcript", admin).body().get("turns").get(0).get("text").asString())
                .isEqualTo("Good morning, Rapid Rooter Plumbing, this is Ron.");
    }

    @Test
    void withRedactionOnAManagerWhoReadsTheRedactedCopyCannotCorrectOrReadOriginals() throws Exception {
        String tenant = "correct-" + UUID.randomUUID().toString().substring(0, 8);
        String root = api.token("root@verbatim.local");
        assertThat(api.post("/api/v1/tenants", root, "{\"id\":\"" + tenant + "\",\"name\":\"Correcting Co\"}").status())
                .isEqualTo(201);
        java.util.Map<String, String> as = java.util.Map.of("X-Verbatim-Tenant", tenant);
        for (String user : new String[] {"{\"email\":\"boss@%s.local\",\"name\":\"Boss\",\"role\":\"admin\",\"password\":\"%s\"}",
                "{\"email\":\"lead@%s.local\",\"name\":\"Lead\",\"role\":\"manager\",\"password\":\"%s\"}"}) {
            assertThat(api.send("POST", "/api/v1/users", root, as, user.formatted(tenant, ApiClient.DEMO_PASSWORD)).status())
                    .isEqualTo(201);
        }
        String admin = api.token("boss@" + tenant + ".local");
        String manager = api.token("lead@" + tenant + ".local");
        assertThat(api.patch("/api/v1/settings", admin, "{\"redact_pii\":true}").status()).isEqualTo(200);
        String id = importedCall(admin, "");
        String path = "/api/v1/conversations/" + id;

        ApiClient.Response refused = api.patch(path + "/turns/0", manager, "{\"text\": \"Good morning, this is [NAME].\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("urn:verbatim:problem:redacted-transcript");
        assertThat(api.get(path + "/transcript?original=true", manager).status()).isEqualTo(403);
        assertThat(api.get(path + "/revisions", manager).status()).isEqualTo(403);
        // the admin, who reads the unredacted text, corrects as usual
        assertThat(api.patch(path + "/turns/0", admin, "{\"text\": \"Good morning, Rapid Rooter, this is Ron.\"}").status())
                .isEqualTo(200);
        assertThat(api.get(path + "/revisions", admin).body().get("revisions")).hasSize(1);
    }
}
