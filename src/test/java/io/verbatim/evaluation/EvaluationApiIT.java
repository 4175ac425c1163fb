package io.verbatim.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Evaluation runs over the API: a labelled set in, per-field accuracy out; admins only, tenant by tenant. */
class EvaluationApiIT extends PlatformTest {

    record File(String name, byte[] content) {
        static File of(String name, String text) {
            return new File(name, text.getBytes(StandardCharsets.UTF_8));
        }

        static File call(String name) throws Exception {
            return new File(name, Files.readAllBytes(TestData.call(name)));
        }
    }

    ApiClient.Response upload(String token, List<File> files) throws Exception {
        String boundary = "----evaluation" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nIT set\r\n").getBytes(StandardCharsets.UTF_8));
        for (File f : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.name()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f.content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/analyst-evaluations"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = r.body().isBlank() ? null : api.json().readTree(r.body());
        return new ApiClient.Response(r.statusCode(), java.util.Map.of(), r.body(), parsed);
    }

    static byte[] zip(List<File> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (File f : files) {
                zip.putNextEntry(new ZipEntry("set/" + f.name()));
                zip.write(f.content());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anAdminEvaluatesALabelledSetAndOthersCannotSeeIt() throws Exception {
        String admin = api.token("admin@demo.local");
        List<File> set = List.of(File.call("sup_003.json"), File.call("sup_003.labels.json"), File.call("va_008.json"),
                File.call("va_008.labels.json"), File.of("README.md", "ignored"));
        ApiClient.Response created = upload(admin, List.of(new File("set.zip", zip(set))));
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        String id = created.body().get("id").asString();
        assertThat(created.body().get("total").asInt()).isEqualTo(2);

        JsonNode run = awaitDone(admin, id);
        assertThat(run.get("analysed").asInt()).isEqualTo(2);
        JsonNode all = run.get("report").get("all");
        assertThat(all.get("conversations").asInt()).isEqualTo(2);
        assertThat(all.get("fields").get("qa.greeting").get("scored").asInt()).isEqualTo(2);
        assertThat(all.get("fields").get("customer_sentiment").get("confusion")).isNotNull();
        assertThat(all.get("matches").get("pii.NAME").get("gold").asInt()).isPositive();
        assertThat(api.get("/api/v1/analyst-evaluations", admin).body().get("items").toString()).contains(id);
        // the imported conversations are recognisable
        assertThat(api.get("/api/v1/conversations?limit=500", admin).raw()).contains("evaluation-" + id);

        for (String other : List.of("manager@demo.local", "csr1@demo.local")) {
            String token = api.token(other);
            assertThat(api.get("/api/v1/analyst-evaluations/" + id, token).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/analyst-evaluations", token).status()).isEqualTo(403);
            assertThat(upload(token, set).status()).isEqualTo(403);
        }
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/analyst-evaluations/" + id, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/analyst-evaluations", acme).raw()).doesNotContain(id);
    }

    @Test
    void badUploadsAreRefusedWithStableProblemTypes() throws Exception {
        String admin = api.token("admin@demo.local");
        ApiClient.Response notJson = upload(admin, List.of(File.of("a.json", "not json"), File.of("a.labels.json", "{}")));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.problemType()).isEqualTo("urn:verbatim:problem:evaluation-not-json");
        ApiClient.Response orphan = upload(admin, List.of(File.of("b.labels.json", "{\"call_reason\":\"x\"}")));
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.problemType()).isEqualTo("urn:verbatim:problem:evaluation-labels-without-transcript");
        // hundreds of loose files in one request reach the reader (the container's part limit is raised for this)
        List<File> orphans = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            orphans.add(File.of("o" + i + ".labels.json", "{}"));
        }
        assertThat(upload(admin, orphans).problemType()).isEqualTo("urn:verbatim:problem:evaluation-labels-without-transcript");
        ApiClient.Response empty = upload(admin, List.of(File.of("c.json", "{\"turns\":[]}")));
        assertThat(empty.problemType()).isEqualTo("urn:verbatim:problem:evaluation-empty");
        List<File> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(File.of("m" + i + ".json", "{}"));
            many.add(File.of("m" + i + ".labels.json", "{}"));
        }
        ApiClient.Response tooMany = upload(admin, List.of(new File("many.zip", zip(many))));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.problemType()).isEqualTo("urn:verbatim:problem:evaluation-too-many-files");
        ApiClient.Response badZip = upload(admin, List.of(new File("d.zip", new byte[] {'P', 'K', 3, 4, 9, 9, 9})));
        assertThat(badZip.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/analyst-evaluations/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
    }

    private JsonNode awaitDone(String token, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("/api/v1/analyst-evaluations/" + id, token).body();
            if (!last.get("status").asString().equals("importing") && !last.get("status").asString().equals("analysing")) {
                assertThat(last.get("status").asString()).as(last.toString()).isEqualTo("done");
                return last;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("not done: " + last);
    }
}
