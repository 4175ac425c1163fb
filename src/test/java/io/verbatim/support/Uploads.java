package io.verbatim.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Multipart uploads as a client sends them, and waiting for the pipeline. */
public final class Uploads {

    private final ApiClient api;
    private final HttpClient http = HttpClient.newHttpClient();

    public Uploads(ApiClient api) {
        this.api = api;
    }

    public record Part(String name, String filename, String contentType, byte[] content) {
        public static Part json(String name, String json) {
            return new Part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    public ApiClient.Response upload(String token, Map<String, String> headers, Part... parts) {
        return upload("/api/v1/conversations", token, headers, parts);
    }

    /** A multipart POST to {@code path} (documents, ...). */
    public ApiClient.Response upload(String path, String token, Map<String, String> headers, Part... parts) {
        String boundary = "----verbatim" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Part p : parts) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                        + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"") + "\r\nContent-Type: "
                        + p.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(p.content());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = r.body().isBlank() || !r.headers().firstValue("content-type").orElse("").contains("json")
                    ? null : api.json().readTree(r.body());
            return new ApiClient.Response(r.statusCode(), Map.of(), r.body(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ApiClient.Response upload(String token, Part... parts) {
        return upload(token, Map.of(), parts);
    }

    /** Polls the status until it is one of {@code statuses}; fails the test after {@code timeout}. */
    public JsonNode awaitStatus(String token, String id, Duration timeout, String... statuses) {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> wanted = Set.of(statuses);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            var r = api.get("/api/v1/conversations/" + id, token);
            last = r.body();
            if (r.status() == 200 && wanted.contains(last.get("conversation").get("status").asString())) {
                return last.get("conversation");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Conversation " + id + " did not reach " + wanted + " in " + timeout + "; last: " + last);
    }
}
