package io.verbatim.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.ServerProcess;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline survives {@code kill -9}: the server is killed while the heaviest stage is running,
 * started again on the same data directory, and every accepted conversation ends completed exactly once.
 */
class PipelineCrashIT {

    private static final int CONVERSATIONS = 6;

    @TempDir
    Path dataDir;

    @Test
    void aKillMidStageLosesNothingAndRepeatsNothing() throws Exception {
        ServerProcess server = new ServerProcess(dataDir, List.of("verbatim.pipeline.heartbeat-interval=1s",
                "verbatim.pipeline.missed-heartbeats=4", "verbatim.ingest.drop-folder-enabled=false",
                "verbatim.demo.conversations=false"));
        try {
            server.start();
            ApiClient api = new ApiClient(server.port());
            Uploads uploads = new Uploads(api);
            String admin = api.token("admin@demo.local");
            String heaviest = heaviestStage(api, admin);
            List<String> ids = new ArrayList<>();
            String[] calls = {"csr_002", "sup_003", "fs_003", "ms_002", "va_008", "csr_002"};
            for (int i = 0; i < CONVERSATIONS; i++) {
                byte[] wav = TestAudio.clip(TestData.call(calls[i] + ".stereo.wav"), 10 + i, 25);
                var r = uploads.upload(admin, new Part("media", calls[i] + "-" + i + ".wav", "audio/wav", wav),
                        Part.json("metadata", "{\"external_id\":\"crash-" + i + "\",\"tags\":[\"crash\"]}"));
                assertThat(r.status()).isEqualTo(202);
                ids.add(r.body().get("id").asString());
            }
            awaitStageStarted(api, admin, ids, heaviest);
            server.kill();

            server.start();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            for (String id : ids) {
                JsonNode done = uploads.awaitStatus(admin, id, Duration.between(Instant.now(), deadline), "completed", "failed");
                assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
            }
            var list = api.get("/api/v1/conversations?limit=500", admin).body().get("items");
            long crashConversations = StreamSupport.stream(list.spliterator(), false)
                    .filter(c -> c.get("external_id") != null && c.get("external_id").asString().startsWith("crash-")).count();
            assertThat(crashConversations).as("nothing lost, nothing duplicated").isEqualTo(CONVERSATIONS);
            for (String id : ids) {
                JsonNode history = api.get("/api/v1/conversations/" + id, admin).body().get("history");
                long completions = StreamSupport.stream(history.spliterator(), false)
                        .filter(e -> e.get("stage").asString().equals(heaviest) && e.get("outcome").asString().equals("completed"))
                        .count();
                assertThat(completions).as("conversation %s completed %s once: %s", id, heaviest, history).isEqualTo(1);
                assertThat(api.get("/api/v1/conversations/" + id + "/waveform", admin).status()).isEqualTo(200);
            }
        } finally {
            server.stop();
        }
    }

    /** The stage after which the pipeline's expensive work is done: transcription when a speech engine is wired. */
    private static String heaviestStage(ApiClient api, String token) {
        JsonNode stages = api.get("/api/v1/pipeline/stages", token).body().get("stages");
        return stages.toString().contains("\"transcribed\"") ? "transcribed" : "decoded";
    }

    private static void awaitStageStarted(ApiClient api, String token, List<String> ids, String stage) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            for (String id : ids) {
                JsonNode history = api.get("/api/v1/conversations/" + id, token).body().get("history");
                boolean started = StreamSupport.stream(history.spliterator(), false)
                        .anyMatch(e -> e.get("stage").asString().equals(stage) && e.get("outcome").asString().equals("started"));
                if (started) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no conversation started " + stage);
    }
}
