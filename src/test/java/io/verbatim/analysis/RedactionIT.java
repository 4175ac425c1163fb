package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With redact_pii on, only admins see personal data; an agent gets redacted transcript, analysis and audio. */
class RedactionIT extends PlatformTest {

    @Test
    void redactionHidesPersonalDataFromAgentsButNotFromAdmins() throws Exception {
        String tenant = "redact-" + UUID.randomUUID().toString().substring(0, 8);
        String root = api.token("root@verbatim.local");
        assertThat(api.post("/api/v1/tenants", root, "{\"id\":\"" + tenant + "\",\"name\":\"Redacting Co\"}").status()).isEqualTo(201);
        Map<String, String> as = Map.of("X-Verbatim-Tenant", tenant);
        for (String user : new String[] {"{\"email\":\"boss@%s.local\",\"name\":\"Boss\",\"role\":\"admin\",\"password\":\"%s\"}",
                "{\"email\":\"agent@%s.local\",\"name\":\"Agent Smith\",\"role\":\"agent\",\"agent_kind\":\"csr\",\"password\":\"%s\"}"}) {
            assertThat(api.send("POST", "/api/v1/users", root, as, user.formatted(tenant, ApiClient.DEMO_PASSWORD)).status()).isEqualTo(201);
        }
        String admin = api.token("boss@" + tenant + ".local");
        String agent = api.token("agent@" + tenant + ".local");
        assertThat(api.patch("/api/v1/settings", admin, "{\"redact_pii\":true}").status()).isEqualTo(200);

        Uploads uploads = new Uploads(api);
        String meta = "{\"agent\":\"agent@" + tenant + ".local\"}";
        String text = uploads.upload(admin, new Part("transcript", "csr_002.json", "application/json",
                Files.readAllBytes(TestData.call("csr_002.json"))), Part.json("metadata", meta)).body().get("id").asString();
        String media = uploads.upload(admin, new Part("media", "clip.wav", "audio/wav",
                TestAudio.clip(TestData.call("csr_002.stereo.wav"), 142, 17)), Part.json("metadata", meta)).body().get("id").asString();
        for (String id : new String[] {text, media}) {
            assertThat(uploads.awaitStatus(admin, id, Duration.ofSeconds(120), "completed", "failed").get("status").asString())
                    .isEqualTo("completed");
        }

        String adminTranscript = api.get("/api/v1/conversations/" + text + "/transcript", admin).raw();
        String agentTranscript = api.get("/api/v1/conversations/" + text + "/transcript", agent).raw();
        assertThat(adminTranscript).contains("sandra.kowalski at example dot com").contains("Tyler");
        assertThat(agentTranscript).doesNotContain("sandra.kowalski").doesNotContain("Tyler").contains("[EMAIL]").contains("[NAME]");

        String adminAnalysis = api.get("/api/v1/conversations/" + text + "/analysis", admin).raw();
        String agentAnalysis = api.get("/api/v1/conversations/" + text + "/analysis", agent).raw();
        assertThat(adminAnalysis).contains("sandra.kowalski at example dot com");
        assertThat(agentAnalysis).doesNotContain("sandra.kowalski").doesNotContain("Tyler").contains("[EMAIL]");

        var original = api.get("/api/v1/conversations/" + media + "/media", admin);
        var redacted = api.get("/api/v1/conversations/" + media + "/media", agent);
        assertThat(original.status()).isEqualTo(200);
        assertThat(redacted.status()).isEqualTo(200);
        assertThat(redacted.header("content-type")).isEqualTo("audio/wav");
        // The agent is served the redacted copy (silencing itself is checked by AudioRedactionTest); the admin the
        // original upload. Note: PII found in PocketSphinx output is weak (a spoken e-mail comes out garbled).
        assertThat(original.header("content-type")).isEqualTo("audio/wav");
        assertThat(original.header("content-length")).isEqualTo(Integer.toString(TestAudio.clip(
                TestData.call("csr_002.stereo.wav"), 142, 17).length));

        // Another tenant's agents are unaffected: redaction is this tenant's setting.
        // (Other tests may save demo-tenant's settings with redaction explicitly off.)
        assertThat(api.get("/api/v1/settings", api.token("admin@demo.local")).raw()).doesNotContain("\"redact_pii\":true");
    }
}
