package io.verbatim.sources.internal;

import io.verbatim.credentials.CredentialFields;
import io.verbatim.media.MediaFileNames;
import io.verbatim.media.MediaProperties;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.platform.ProblemException;
import io.verbatim.sources.RecordingConnector;
import io.verbatim.sources.SourcesProperties;
import io.verbatim.webhooks.TargetGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic REST recording-provider connector (kind {@code rest}). The credential holds where and how
 * to connect: {@code base_url}, {@code recordings_path}, {@code recording_download_path} (with {@code {id}}),
 * and the authentication: {@code token_path} with {@code client_id}/{@code client_secret} and, for the
 * password grant, {@code username}/{@code password} (OAuth2; {@code client_auth} {@code basic} or
 * {@code body}; optional {@code scope}), or {@code api_key} (sent as {@code Authorization: Bearer}, or in
 * the header {@code api_key_header}), or {@code username}/{@code password} alone (HTTP Basic). {@code auth}
 * names the scheme when the inference is not wanted: {@code oauth2_password}, {@code oauth2_client_credentials},
 * {@code api_key}, {@code basic}, {@code none}.
 *
 * <p>The source's settings say how to read the provider (every key optional): {@code items_path},
 * {@code since_param} ({@code since}), {@code paging} ({@code page}, {@code cursor}, {@code next_url},
 * {@code none}) with {@code page_param}, {@code page_size_param}, {@code page_size}, {@code first_page},
 * {@code total_pages_path}, {@code cursor_param}, {@code next_cursor_path}, {@code next_url_path}; static
 * {@code query} parameters; and {@code fields}, the mapping of {@code id}, {@code agent}, {@code started_at},
 * {@code direction}, {@code customer_number}, {@code customer_name}, {@code download_url} to dotted paths
 * in each listed item.
 */
@Component
class RestRecordingConnector implements RecordingConnector {

    static final String KIND = "rest";
    private static final Set<String> PAGING = Set.of("page", "cursor", "next_url", "none");
    private static final Set<String> FIELDS = Set.of("id", "agent", "started_at", "direction", "customer_number", "customer_name",
            "download_url");
    private static final Set<String> AUTH = Set.of("oauth2_password", "oauth2_client_credentials", "api_key", "basic", "none");

    private final TargetGuard guard;
    private final SourcesProperties properties;
    private final JsonMapper json;
    private final Path workDir;
    private final HttpClient http;

    RestRecordingConnector(TargetGuard guard, SourcesProperties properties, JsonMapper json, MediaProperties media,
                           PlatformProperties platform) {
        this.guard = guard;
        this.properties = properties;
        this.json = json;
        this.workDir = media.workDir(platform.dataDir()).resolve("sources");
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(15)).build();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void validate(JsonNode settings) {
        if (settings == null || settings.isNull()) {
            return;
        }
        if (!settings.isObject()) {
            throw invalid("settings must be a JSON object");
        }
        String paging = JsonPaths.text(settings, "paging");
        if (paging != null && !PAGING.contains(paging)) {
            throw invalid("paging is one of " + PAGING);
        }
        JsonNode fields = settings.get("fields");
        if (fields != null && !fields.isNull()) {
            if (!fields.isObject()) {
                throw invalid("fields must map " + FIELDS + " to paths in a listed item");
            }
            for (var e : fields.properties()) {
                if (!FIELDS.contains(e.getKey()) || !e.getValue().isString()) {
                    throw invalid("fields maps " + FIELDS + " to paths (strings); '" + e.getKey() + "' is not one of them");
                }
            }
        }
        JsonNode query = settings.get("query");
        if (query != null && !query.isNull() && !query.isObject()) {
            throw invalid("query must be an object of static query parameters");
        }
        String pageSize = JsonPaths.text(settings, "page_size");
        if (pageSize != null && !pageSize.matches("\\d{1,5}")) {
            throw invalid("page_size must be a positive number");
        }
        String overlap = JsonPaths.text(settings, "overlap");
        if (overlap != null) {
            SourceSchedule.parseDuration(overlap, "overlap");
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-source-settings", detail);
    }

    @Override
    public Session open(JsonNode settings, CredentialFields credential) {
        return new RestSession(settings == null || settings.isNull() ? json.createObjectNode() : settings, credential);
    }

    final class RestSession implements Session {

        private final JsonNode settings;
        private final CredentialFields credential;
        private final String base;
        private final String auth;
        private String token;
        private Instant tokenExpires = Instant.MIN;
        private int retries;

        RestSession(JsonNode settings, CredentialFields credential) {
            this.settings = settings;
            this.credential = credential;
            this.base = credential.require("base_url").replaceAll("/+$", "");
            this.auth = credential.get("auth").map(a -> a.toLowerCase(Locale.ROOT)).orElseGet(this::inferAuth);
            if (!AUTH.contains(auth)) {
                throw new SourceException("Credential '" + credential.name() + "' names an unknown auth '" + auth + "'");
            }
        }

        private String inferAuth() {
            if (credential.get("token_path").isPresent()) {
                return credential.get("username").isPresent() ? "oauth2_password" : "oauth2_client_credentials";
            }
            if (credential.get("api_key").isPresent()) {
                return "api_key";
            }
            return credential.get("username").isPresent() ? "basic" : "none";
        }

        @Override
        public int retries() {
            return retries;
        }

        @Override
        public Listing list(Instant since, String cursor) {
            String paging = setting("paging", "page");
            Map<String, String> query = new LinkedHashMap<>();
            JsonNode statics = settings.get("query");
            if (statics != null && statics.isObject()) {
                statics.properties().forEach(e -> query.put(e.getKey(), e.getValue().asString()));
            }
            URI uri;
            int page = 0;
            if (paging.equals("next_url") && cursor != null) {
                uri = URI.create(base + "/").resolve(cursor);
            } else {
                if (since != null) {
                    query.put(setting("since_param", "since"), since.toString());
                }
                switch (paging) {
                    case "page" -> {
                        page = cursor == null ? Integer.parseInt(setting("first_page", "1")) : Integer.parseInt(cursor);
                        query.put(setting("page_param", "page"), Integer.toString(page));
                        query.put(setting("page_size_param", "per_page"), setting("page_size", "100"));
                    }
                    case "cursor" -> {
                        if (cursor != null) {
                            query.put(setting("cursor_param", "cursor"), cursor);
                        }
                    }
                    default -> { }
                }
                uri = url(credential.require("recordings_path"), query);
            }
            URI target = uri;
            HttpResponse<byte[]> response = send(header -> request(target, header).GET().build(), HttpResponse.BodyHandlers.ofByteArray(),
                    "Listing recordings");
            if (response.statusCode() / 100 != 2) {
                throw new SourceException("Listing recordings answered " + response.statusCode());
            }
            JsonNode root;
            try {
                root = json.readTree(response.body());
            } catch (RuntimeException e) {
                throw new SourceException("Listing recordings answered something that is not JSON");
            }
            JsonNode items = items(root);
            List<Recording> recordings = new ArrayList<>();
            for (JsonNode item : items) {
                recordings.add(map(item));
            }
            String next = switch (paging) {
                case "page" -> {
                    String totalPath = setting("total_pages_path", null);
                    String total = totalPath == null ? null : JsonPaths.text(root, totalPath);
                    boolean more = total != null ? page < Long.parseLong(total)
                            : !items.isEmpty() && items.size() >= Integer.parseInt(setting("page_size", "100"));
                    yield more ? Integer.toString(page + 1) : null;
                }
                case "cursor" -> items.isEmpty() ? null : JsonPaths.text(root, setting("next_cursor_path", "next_cursor"));
                case "next_url" -> JsonPaths.text(root, setting("next_url_path", "next"));
                default -> null;
            };
            return new Listing(recordings, next);
        }

        private JsonNode items(JsonNode root) {
            String path = setting("items_path", null);
            JsonNode items = path != null ? JsonPaths.at(root, path) : root.isArray() ? root : null;
            if (items == null && path == null) {
                for (String guess : new String[] {"recordings", "items", "data", "results", "calls"}) {
                    JsonNode candidate = JsonPaths.at(root, guess);
                    if (candidate != null && candidate.isArray()) {
                        items = candidate;
                        break;
                    }
                }
            }
            if (items == null) {
                return json.createArrayNode();
            }
            if (!items.isArray()) {
                throw new SourceException("The listing's items (" + path + ") are not an array");
            }
            return items;
        }

        private Recording map(JsonNode item) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            String duration = JsonPaths.text(item, field("duration", "duration"));
            if (duration != null) {
                attributes.put("duration", duration);
            }
            return new Recording(JsonPaths.text(item, field("id", "id")), JsonPaths.instant(item, field("started_at", "started_at")),
                    JsonPaths.text(item, field("agent", "agent")), direction(JsonPaths.text(item, field("direction", "direction"))),
                    JsonPaths.text(item, field("customer_number", "customer_number")),
                    JsonPaths.text(item, field("customer_name", "customer_name")),
                    JsonPaths.text(item, field("download_url", "download_url")), attributes);
        }

        @Override
        public Download download(Recording recording) {
            URI uri;
            if (recording.downloadUrl() != null) {
                uri = URI.create(base + "/").resolve(recording.downloadUrl());
            } else {
                String path = credential.require("recording_download_path")
                        .replace("{id}", URLEncoder.encode(recording.externalId(), StandardCharsets.UTF_8));
                uri = url(path, Map.of());
            }
            HttpResponse<InputStream> response = send(header -> request(uri, header).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream(), "Downloading recording " + recording.externalId());
            Path file = null;
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new SourceException("Downloading recording " + recording.externalId() + " answered " + response.statusCode());
                }
                Files.createDirectories(workDir);
                file = Files.createTempFile(workDir, "recording-", ".part");
                try (OutputStream out = Files.newOutputStream(file)) {
                    body.transferTo(out);
                }
                String type = response.headers().firstValue("content-type").orElse("application/octet-stream").split(";")[0].strip();
                Download download = new Download(file, type, filename(recording.externalId(), type, uri));
                file = null;
                return download;
            } catch (IOException e) {
                throw new SourceException("Downloading recording " + recording.externalId() + " failed: " + e.getClass().getSimpleName());
            } finally {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // scratch
                    }
                }
            }
        }

        /** Sends with the current authorization, refreshing an expired token once and retrying provider errors with backoff. */
        private <T> HttpResponse<T> send(Function<String, HttpRequest> build, HttpResponse.BodyHandler<T> handler, String what) {
            boolean refreshed = false;
            int max = Math.max(1, properties.requestAttempts());
            for (int attempt = 1; ; attempt++) {
                HttpResponse<T> response;
                try {
                    response = guard.send(http, build.apply(authorization()), handler, 5);
                } catch (TargetGuard.TargetRefusedException e) {
                    throw new SourceException(what + ": " + e.getMessage());
                } catch (IOException e) {
                    if (attempt < max) {
                        pause(null, attempt);
                        continue;
                    }
                    throw new SourceException(what + " failed after " + max + " attempts: " + e.getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SourceException(what + " interrupted");
                }
                int status = response.statusCode();
                if (status == 401 && auth.startsWith("oauth2") && !refreshed) {
                    close(response);
                    token = null; // expired or revoked before its time: fetch a new one and try again
                    refreshed = true;
                    attempt--;
                    continue;
                }
                if ((status == 429 || status >= 500) && attempt < max) {
                    close(response);
                    pause(response.headers().firstValue("retry-after").orElse(null), attempt);
                    continue;
                }
                if (status == 429 || status >= 500) {
                    close(response);
                    throw new SourceException(what + " answered " + status + " after " + max + " attempts");
                }
                return response;
            }
        }

        private void pause(String retryAfter, int attempt) {
            retries++;
            long millis = properties.retryBackoff().toMillis() << Math.min(attempt - 1, 10);
            if (retryAfter != null && retryAfter.strip().matches("\\d{1,6}")) {
                millis = Math.min(30_000, Long.parseLong(retryAfter.strip()) * 1000);
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("Interrupted");
            }
        }

        private String authorization() {
            return switch (auth) {
                case "oauth2_password", "oauth2_client_credentials" -> "Bearer " + token();
                case "api_key" -> credential.get("api_key_header").isPresent() ? null : "Bearer " + credential.require("api_key");
                case "basic" -> basic(credential.require("username"), credential.getOrDefault("password", ""));
                default -> null;
            };
        }

        private String token() {
            if (token != null && Instant.now().isBefore(tokenExpires)) {
                return token;
            }
            Map<String, String> form = new LinkedHashMap<>();
            boolean password = auth.equals("oauth2_password");
            form.put("grant_type", password ? "password" : "client_credentials");
            if (password) {
                form.put("username", credential.require("username"));
                form.put("password", credential.require("password"));
            }
            credential.get("scope").ifPresent(s -> form.put("scope", s));
            String clientId = credential.get("client_id").orElse(null);
            boolean inBody = "body".equalsIgnoreCase(credential.getOrDefault("client_auth", "basic"));
            if (clientId != null && inBody) {
                form.put("client_id", clientId);
                credential.get("client_secret").ifPresent(s -> form.put("client_secret", s));
            }
            String body = form(form);
            URI uri = url(credential.require("token_path"), Map.of());
            HttpResponse<byte[]> response = sendToken(uri, body, clientId != null && !inBody
                    ? basic(clientId, credential.getOrDefault("client_secret", "")) : null);
            JsonNode node;
            try {
                node = json.readTree(response.body());
            } catch (RuntimeException e) {
                throw new SourceException("The token endpoint answered something that is not JSON");
            }
            String access = JsonPaths.text(node, "access_token");
            if (access == null) {
                throw new SourceException("The token endpoint answered no access_token");
            }
            String expiresIn = JsonPaths.text(node, "expires_in");
            long seconds = expiresIn != null && expiresIn.matches("\\d+") ? Long.parseLong(expiresIn) : 3600;
            token = access;
            tokenExpires = Instant.now().plusSeconds(Math.max(1, seconds - 30));
            return token;
        }

        private HttpResponse<byte[]> sendToken(URI uri, String body, String clientAuthorization) {
            int max = Math.max(1, properties.requestAttempts());
            for (int attempt = 1; ; attempt++) {
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(properties.requestTimeout())
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                        .header("User-Agent", "Verbatim/1 (recording source)")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                if (clientAuthorization != null) {
                    b.header("Authorization", clientAuthorization);
                }
                HttpResponse<byte[]> response;
                try {
                    response = guard.send(http, b.build(), HttpResponse.BodyHandlers.ofByteArray(), 0);
                } catch (TargetGuard.TargetRefusedException e) {
                    throw new SourceException("Token request: " + e.getMessage());
                } catch (IOException e) {
                    if (attempt < max) {
                        pause(null, attempt);
                        continue;
                    }
                    throw new SourceException("Token request failed after " + max + " attempts: " + e.getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SourceException("Token request interrupted");
                }
                int status = response.statusCode();
                if ((status == 429 || status >= 500) && attempt < max) {
                    pause(response.headers().firstValue("retry-after").orElse(null), attempt);
                    continue;
                }
                if (status / 100 != 2) {
                    throw new SourceException("The token request was refused (" + status + "); check the credential '"
                            + credential.name() + "'");
                }
                return response;
            }
        }

        private HttpRequest.Builder request(URI uri, String authorization) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(properties.requestTimeout())
                    .header("Accept", "application/json, audio/*, */*").header("User-Agent", "Verbatim/1 (recording source)");
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (auth.equals("api_key") && credential.get("api_key_header").isPresent()) {
                b.header(credential.require("api_key_header"), credential.require("api_key"));
            }
            return b;
        }

        private URI url(String path, Map<String, String> query) {
            String target = path.startsWith("http://") || path.startsWith("https://") ? path
                    : base + (path.startsWith("/") ? "" : "/") + path;
            if (query.isEmpty()) {
                return URI.create(target);
            }
            return URI.create(target + (target.contains("?") ? "&" : "?") + form(query));
        }

        private String setting(String name, String fallback) {
            String value = JsonPaths.text(settings, name);
            return value == null ? fallback : value;
        }

        private String field(String name, String fallback) {
            String value = JsonPaths.text(settings, "fields." + name);
            return value == null ? fallback : value;
        }
    }

    static String direction(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "inbound", "in", "incoming", "inbound_call", "i" -> "inbound";
            case "outbound", "out", "outgoing", "outbound_call", "o" -> "outbound";
            case "internal" -> "internal";
            default -> "unknown";
        };
    }

    private static String filename(String id, String contentType, URI uri) {
        return MediaFileNames.forDownload(uri, contentType, id.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> {
            if (!s.isEmpty()) {
                s.append('&');
            }
            s.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return s.toString();
    }

    private static void close(HttpResponse<?> response) {
        if (response.body() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // discarded body
            }
        }
    }
}
