package io.verbatim.ingest;

import static org.assertj.core.api.Assertions.assertThat;


import io.verbatim.storage.TenantStorage;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Conversations in through the upload API, through the real pipeline, out as status and transcript. */
class IngestIT extends PlatformTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private Uploads uploads;
    private String admin;

    @BeforeEach
    void setUp() {
        uploads = new Uploads(api);
        admin = api.token("admin@demo.local");
    }

    private static String metadata(String externalId, String agent) {
        return """
                {"external_id":"%s","source":"test","direction":"inbound","channel":"phone","agent":"%s",
                 "customer":{"name":"Sandra","phone":"+16125550143"},"tags":["it"],"attributes":{"campaign":"spring"}}"""
                .formatted(externalId, agent);
    }

    @Test
    void aTranscriptImportSkipsDecodingAndTranscriptionAndCompletes() throws Exception {
        byte[] call = Files.readAllBytes(TestData.call("csr_002.json"));
        var r = uploads.upload(admin, new Part("transcript", "csr_002.json", "application/json", call),
                Part.json("metadata", metadata("imp-" + UUID.randomUUID(), "csr1@demo.local")));
        assertThat(r.status()).isEqualTo(202);
        String id = r.body().get("id").asString();
        assertThat(r.body().get("status_url").asString()).isEqualTo("/api/v1/conversations/" + id);

        JsonNode done = uploads.awaitStatus(admin, id, WAIT, "completed", "failed");
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("agent").get("name").asString()).isEqualTo("Casey CSR");
        assertThat(done.get("customer").get("phone").asString()).isEqualTo("+16125550143");
        assertThat(done.get("input").get("kind").asString()).isEqualTo("transcript");

        var history = api.get("/api/v1/conversations/" + id, admin).body().get("history");
        assertThat(history.toString()).contains("\"stage\":\"decoded\",\"outcome\":\"skipped\"");

        var transcript = api.get("/api/v1/conversations/" + id + "/transcript", admin).body();
        assertThat(transcript.get("turns").size()).isEqualTo(24);
        assertThat(transcript.get("turns").get(0).get("speaker").asString()).isEqualTo("agent");
        assertThat(transcript.get("turns").get(0).get("text").asString()).startsWith("Thanks for calling ComfortPro");
        assertThat(api.get("/api/v1/conversations/" + id + "/media", admin).status()).isEqualTo(404);
    }

    @Test
    void theSameExternalIdOrIdempotencyKeyReturnsTheOriginalAndADifferentBodyUnderAKeyIsAConflict() throws Exception {
        byte[] call = Files.readAllBytes(TestData.call("sup_003.json"));
        String ext = "dup-" + UUID.randomUUID();
        var first = uploads.upload(admin, new Part("transcript", "a.json", "application/json", call), Part.json("metadata", metadata(ext, "")));
        var again = uploads.upload(admin, new Part("transcript", "a.json", "application/json", call), Part.json("metadata", metadata(ext, "")));
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());

        String key = "key-" + UUID.randomUUID();
        var k1 = uploads.upload(admin, Map.of("Idempotency-Key", key), new Part("transcript", "b.json", "application/json", call));
        var k2 = uploads.upload(admin, Map.of("Idempotency-Key", key), new Part("transcript", "b.json", "application/json", call));
        assertThat(k2.body().get("id").asString()).isEqualTo(k1.body().get("id").asString());
        byte[] other = Files.readAllBytes(TestData.call("va_008.json"));
        var clash = uploads.upload(admin, Map.of("Idempotency-Key", key), new Part("transcript", "b.json", "application/json", other));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.problemType()).isEqualTo("urn:verbatim:problem:idempotency-key-reused");
    }

    @Autowired
    TenantStorage storage;

    @Autowired
    Tenants tenants;

    /**
     * A small recording (its part kept in memory by the container, then written once) is stored byte for byte; the
     * accept writes no metadata copy beside it any more; a repeat under the same key is answered with the original.
     */
    @Test
    void aSmallMediaUploadIsKeptExactlyItsMetadataCopyWrittenByThePipelineAndARepeatGetsTheOriginal() {
        byte[] wav = TestAudio.clip(TestData.call("va_008.mono.wav"), 5, 2);
        String key = "media-key-" + UUID.randomUUID();
        String externalId = "media-key-" + UUID.randomUUID();
        String meta = metadata(externalId, "");
        var first = uploads.upload(admin, Map.of("Idempotency-Key", key), new Part("media", "m.wav", "audio/wav", wav),
                Part.json("metadata", meta));
        var again = uploads.upload(admin, Map.of("Idempotency-Key", key), new Part("media", "m.wav", "audio/wav", wav),
                Part.json("metadata", meta));
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        String id = first.body().get("id").asString();
        assertThat(again.body().get("id").asString()).isEqualTo(id);

        var blobs = storage.forTenant(tenants.get(new TenantId("demo-tenant")));
        try (var content = blobs.get(blobs.layout().audio(id, "wav"))) {
            assertThat(content.stream().readAllBytes()).isEqualTo(wav);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // The metadata copy is the pipeline's first stage's work, not the accept's.
        uploads.awaitStatus(admin, id, WAIT, "completed", "failed");
        try (var content = blobs.get(blobs.layout().sourceMetadata(id))) {
            JsonNode copy = tools.jackson.databind.json.JsonMapper.builder().build().readTree(content.stream().readAllBytes());
            assertThat(copy.get("external_id").asString()).isEqualTo(externalId);
            assertThat(copy.get("attributes").get("campaign").asString()).isEqualTo("spring");
            assertThat(copy.get("input").get("sha256").asString()).isNotBlank();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void mediaIsStoredDecodedWithAWaveformAndStreamedWithRanges() {
        byte[] wav = TestAudio.clip(TestData.call("csr_002.stereo.wav"), 0, 9);
        var r = uploads.upload(admin, new Part("media", "clip.wav", "audio/wav", wav),
                Part.json("metadata", metadata("media-" + UUID.randomUUID(), "csr1@demo.local")));
        assertThat(r.status()).isEqualTo(202);
        String id = r.body().get("id").asString();
        JsonNode done = uploads.awaitStatus(admin, id, WAIT, "completed", "failed");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("duration_seconds").asDouble()).isBetween(8.9, 9.1);
        assertThat(done.get("audio_channels").asInt()).isEqualTo(2);

        var full = api.get("/api/v1/conversations/" + id + "/media", admin);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.header("accept-ranges")).isEqualTo("bytes");
        assertThat(full.header("content-length")).isEqualTo(Integer.toString(wav.length));
        var part = api.send("GET", "/api/v1/conversations/" + id + "/media", admin, Map.of("Range", "bytes=0-99"), null);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("content-range")).isEqualTo("bytes 0-99/" + wav.length);
        assertThat(part.raw().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).hasSizeLessThanOrEqualTo(100);
        var beyond = api.send("GET", "/api/v1/conversations/" + id + "/media", admin, Map.of("Range", "bytes=999999999-"), null);
        assertThat(beyond.status()).isEqualTo(416);

        assertThat(done.get("speech_engine").asString()).isEqualTo("pocketsphinx");
        var transcript = api.get("/api/v1/conversations/" + id + "/transcript", admin).body();
        assertThat(transcript.get("roles_confident").asBoolean()).isTrue();
        JsonNode firstTurn = transcript.get("turns").get(0);
        assertThat(firstTurn.get("speaker").asString()).isEqualTo("agent");
        assertThat(firstTurn.get("channel").asInt()).isZero();
        assertThat(transcript.toString()).contains("\"speaker\":\"customer\"");
        // Real recognition of "...this is Tyler. What can I do for you?" (PocketSphinx mishears "calling").
        assertThat(firstTurn.get("text").asString()).contains("tyler").contains("what can i do for you");
        assertThat(firstTurn.get("start").asDouble()).isBetween(1.0, 2.0);
        assertThat(firstTurn.get("words").size()).isGreaterThan(3);

        var waveform = api.get("/api/v1/conversations/" + id + "/waveform", admin);
        assertThat(waveform.status()).isEqualTo(200);
        assertThat(waveform.body().get("channels").asInt()).isEqualTo(2);
        assertThat(waveform.body().get("data").size()).isGreaterThan(100);
    }

    @Test
    void somethingThatIsNotMediaIsRefusedAtOnceAndNothingIsKept() {
        String ext = "notmedia-" + UUID.randomUUID();
        var r = uploads.upload(admin, new Part("media", "notes.wav", "audio/wav", "just some text, not audio".getBytes()),
                Part.json("metadata", metadata(ext, "")));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.problemType()).isEqualTo("urn:verbatim:problem:unsupported-media");
        var empty = uploads.upload(admin, new Part("media", "empty.wav", "audio/wav", new byte[0]));
        assertThat(empty.status()).isBetween(400, 499);
        assertThat(api.get("/api/v1/conversations?limit=500", admin).raw()).doesNotContain(ext);
    }

    @Test
    void aTruncatedRecordingIsAcceptedThenFailsWithTheDecodersReasonAndCanBeRetried() throws Exception {
        byte[] wav = TestAudio.clip(TestData.call("sup_003.stereo.wav"), 0, 6);
        byte[] truncated = Arrays.copyOf(wav, wav.length / 2);
        var r = uploads.upload(admin, new Part("media", "cut.wav", "audio/wav", truncated));
        assertThat(r.status()).isEqualTo(202);
        String id = r.body().get("id").asString();
        JsonNode failed = uploads.awaitStatus(admin, id, WAIT, "failed", "completed");
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("last_error_type").asString()).isEqualTo("corrupt-media");
        assertThat(failed.get("last_error").asString()).isNotBlank();
        assertThat(failed.get("stage").asString()).isEqualTo("stored");

        var retried = api.post("/api/v1/conversations/" + id + "/retry", admin, null);
        assertThat(retried.status()).isEqualTo(202);
        JsonNode again = uploads.awaitStatus(admin, id, WAIT, "failed", "completed");
        assertThat(again.get("last_error_type").asString()).isEqualTo("corrupt-media");
        assertThat(api.get("/api/v1/conversations/" + id, admin).body().get("history").toString()).contains("redriven");
        var notFailed = api.post("/api/v1/conversations/" + uploadTranscriptAndWait() + "/retry", admin, null);
        assertThat(notFailed.status()).isEqualTo(409);
    }

    @Test
    void badRequestsGetClearProblems() {
        assertThat(uploads.upload(admin, Part.json("metadata", "{}")).problemType()).isEqualTo("urn:verbatim:problem:missing-input");
        byte[] t = "Agent: hi\nCustomer: hello".getBytes();
        assertThat(uploads.upload(admin, new Part("transcript", "t.txt", "text/plain", t), new Part("media", "m.wav", "audio/wav", t))
                .problemType()).isEqualTo("urn:verbatim:problem:missing-input");
        assertThat(uploads.upload(admin, new Part("transcript", "t.txt", "text/plain", t), Part.json("metadata", "{nope"))
                .problemType()).isEqualTo("urn:verbatim:problem:invalid-metadata");
        assertThat(uploads.upload(admin, new Part("transcript", "t.txt", "text/plain", t), Part.json("metadata", "{\"direction\":\"sideways\"}"))
                .problemType()).isEqualTo("urn:verbatim:problem:invalid-direction");
        assertThat(uploads.upload(admin, new Part("transcript", "t.txt", "text/plain", t),
                Part.json("metadata", "{\"channel_roles\":{\"left\":\"agent\",\"right\":\"agent\"}}")).problemType())
                .isEqualTo("urn:verbatim:problem:invalid-channel-roles");
        assertThat(uploads.upload(admin, new Part("transcript", "t.json", "application/json", "{\"foo\":1}".getBytes())).status())
                .isBetween(400, 499);
        assertThat(api.post("/api/v1/conversations", admin, "{}").status()).isEqualTo(415);
    }

    @Test
    void agentsSeeTheirOwnConversationsManagersTheirTeamsAndOtherTenantsNothing() throws Exception {
        byte[] call = Files.readAllBytes(TestData.call("va_008.json"));
        var r = uploads.upload(admin, new Part("transcript", "va.json", "application/json", call),
                Part.json("metadata", metadata("vis-" + UUID.randomUUID(), "csr1@demo.local")));
        String id = r.body().get("id").asString();
        String path = "/api/v1/conversations/" + id;
        uploads.awaitStatus(admin, id, WAIT, "completed");

        assertThat(api.get(path, api.token("csr1@demo.local")).status()).isEqualTo(200);
        assertThat(api.get(path + "/transcript", api.token("csr1@demo.local")).status()).isEqualTo(200);
        assertThat(api.get(path, api.token("manager@demo.local")).status()).isEqualTo(200);
        assertThat(api.get(path, api.token("exec@demo.local")).status()).isEqualTo(200);
        assertThat(api.get(path, api.token("csr2@demo.local")).status()).isEqualTo(404);
        assertThat(api.get(path, api.token("rep1@demo.local")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations?limit=500", api.token("csr2@demo.local")).raw()).doesNotContain(id);
        assertThat(api.get("/api/v1/conversations?limit=500", api.token("csr1@demo.local")).raw()).contains(id);
        assertThat(uploads.upload(api.token("csr1@demo.local"), new Part("transcript", "x.json", "application/json", call)).status())
                .isEqualTo(403);

        String acme = api.token("admin@acme.local");
        for (String sub : new String[] {"", "/transcript", "/media", "/waveform"}) {
            var other = api.get(path + sub, acme);
            assertThat(other.status()).as(sub).isEqualTo(404);
            assertThat(other.raw()).doesNotContain("Casey");
        }
        assertThat(api.patch(path, acme, "{\"swap_speakers\":true}").status()).isEqualTo(404);
        assertThat(api.post(path + "/retry", acme, null).status()).isEqualTo(404);
        assertThat(api.delete(path, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations?limit=500", acme).raw()).doesNotContain(id);
        assertThat(api.get(path, admin).status()).isEqualTo(200);

        // A conversation with no agent belongs to no team: every manager sees it (someone must triage it), agents don't.
        var unassigned = uploads.upload(admin, new Part("transcript", "u.json", "application/json", call));
        String unassignedPath = "/api/v1/conversations/" + unassigned.body().get("id").asString();
        assertThat(api.get(unassignedPath, api.token("manager@demo.local")).status()).isEqualTo(200);
        assertThat(api.get(unassignedPath, api.token("csr1@demo.local")).status()).isEqualTo(404);
    }

    @Test
    void swappingSpeakersFlipsTheTranscriptAndDeletingRemovesEverything() throws Exception {
        String id = uploadTranscriptAndWait();
        String path = "/api/v1/conversations/" + id;
        var swapped = api.patch(path, admin, "{\"swap_speakers\":true}");
        assertThat(swapped.status()).isEqualTo(200);
        assertThat(swapped.body().get("roles_swapped").asBoolean()).isTrue();
        assertThat(api.get(path + "/transcript", admin).body().get("turns").get(0).get("speaker").asString()).isEqualTo("customer");
        assertThat(api.patch(path, api.token("csr1@demo.local"), "{\"swap_speakers\":true}").status()).isEqualTo(403);

        assertThat(api.delete(path, api.token("manager@demo.local")).status()).isEqualTo(403);
        assertThat(api.delete(path, admin).status()).isEqualTo(204);
        assertThat(api.get(path, admin).status()).isEqualTo(404);
        assertThat(api.get(path + "/transcript", admin).status()).isEqualTo(404);
    }

    private String uploadTranscriptAndWait() throws Exception {
        byte[] call = Files.readAllBytes(TestData.call("sup_005.json"));
        var r = uploads.upload(admin, new Part("transcript", "s.json", "application/json", call));
        String id = r.body().get("id").asString();
        uploads.awaitStatus(admin, id, WAIT, "completed");
        return id;
    }

}
