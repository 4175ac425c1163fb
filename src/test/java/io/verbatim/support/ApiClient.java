package io.verbatim.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the running server: tests see exactly what a caller sees. */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "verbatim-demo";
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, Map<String, String> headers, String raw, JsonNode body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String problemType() {
            return body == null || body.get("type") == null ? null : body.get("type").asString();
        }
    }

    /**
     * A cached token for a demo account (signing in on every call would trip the throttle's statistics).
     * Access tokens are short-lived, so one close to expiry is replaced by a fresh sign-in.
     */
    public String token(String email) {
        return TOKENS.compute(base + " " + email, (k, cached) -> {
            if (cached != null && cached.expiresAt().isAfter(java.time.Instant.now().plusSeconds(60))) {
                return cached;
            }
            Response r = send("POST", "/api/v1/auth/login", null, Map.of(), "{\"email\":\"" + email + "\",\"password\":\"" + DEMO_PASSWORD + "\"}");
            if (r.status() != 200 || r.body().get("access_token") == null) {
                throw new IllegalStateException("login " + email + " -> " + r.status() + " " + r.raw());
            }
            return new Cached(r.body().get("access_token").asString(),
                    java.time.Instant.now().plusSeconds(r.body().get("expires_in").asLong()));
        }).token();
    }

    private record Cached(String token, java.time.Instant expiresAt) {
    }

    public void forget(String email) {
        TOKENS.remove(base + " " + email);
    }

    public Response get(String path, String token) {
        return send("GET", path, token, Map.of(), null);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, Map.of(), null);
    }

    public Response post(String path, String token, String body) {
        return send("POST", path, token, Map.of(), body);
    }

    public Response put(String path, String token, String body) {
        return send("PUT", path, token, Map.of(), body);
    }

    public Response patch(String path, String token, String body) {
        return send("PATCH", path, token, Map.of(), body);
    }

    public Response send(String method, String path, String token, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(", ", v)));
            JsonNode parsed = null;
            String type = h.getOrDefault("content-type", "");
            if (type.contains("json") && !r.body().isBlank()) {
                parsed = json.readTree(r.body());
            }
            return new Response(r.statusCode(), h, r.body(), parsed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    public JsonMapper json() {
        return json;
    }
}
