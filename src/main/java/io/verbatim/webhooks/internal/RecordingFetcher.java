package io.verbatim.webhooks.internal;

import io.verbatim.media.MediaFileNames;
import io.verbatim.media.MediaProperties;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.webhooks.TargetGuard;
import io.verbatim.webhooks.WebhookProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads a recording a provider's event points to, through the {@link TargetGuard}, into a scratch
 * file. Server errors, throttling and network failures are retryable; a refusal (4xx) or a refused
 * target is not.
 */
@Component
class RecordingFetcher {

    record Downloaded(Path file, String contentType, String filename) {
    }

    private final TargetGuard guard;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Path workDir;
    private final HttpClient http;

    RecordingFetcher(TargetGuard guard, WebhookProperties properties, JsonMapper json, MediaProperties media,
                     PlatformProperties platform) {
        this.guard = guard;
        this.properties = properties;
        this.json = json;
        this.workDir = media.workDir(platform.dataDir()).resolve("webhooks");
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * @param headers extra request headers (provider authentication); dropped on redirects to other hosts
     * @param name    the file name to give the recording when the response names none
     */
    Downloaded fetch(String url, Map<String, String> headers, String name) {
        return fetch(url, headers, name, true);
    }

    private Downloaded fetch(String url, Map<String, String> headers, String name, boolean followJsonUrl) {
        URI uri;
        try {
            uri = guard.check(url);
        } catch (TargetGuard.TargetRefusedException e) {
            throw InboundProvider.Failure.permanent("Recording URL refused: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(properties.fetchTimeout())
                .header("User-Agent", "Verbatim/1 (recording fetch)");
        headers.forEach(request::header);
        Path file = null;
        try {
            HttpResponse<InputStream> response = guard.send(http, request.build(), HttpResponse.BodyHandlers.ofInputStream(), 5);
            int status = response.statusCode();
            try (InputStream body = response.body()) {
                if (status == 429 || status >= 500) {
                    throw InboundProvider.Failure.retryable("Recording download answered " + status);
                }
                if (status < 200 || status >= 300) {
                    throw InboundProvider.Failure.permanent("Recording download answered " + status);
                }
                String type = response.headers().firstValue("content-type").orElse("application/octet-stream");
                Files.createDirectories(workDir);
                file = Files.createTempFile(workDir, "recording-", ".part");
                long limit = properties.maxRecordingSize().toBytes();
                try (OutputStream out = Files.newOutputStream(file)) {
                    byte[] buffer = new byte[64 * 1024];
                    long total = 0;
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        total += n;
                        if (total > limit) {
                            throw InboundProvider.Failure.permanent("Recording larger than " + properties.maxRecordingSize());
                        }
                        out.write(buffer, 0, n);
                    }
                }
                if (followJsonUrl && type.toLowerCase(Locale.ROOT).contains("json")) {
                    // Some APIs answer a recording request with {"url": "<signed media URL>"}.
                    JsonNode node = json.readTree(Files.readAllBytes(file));
                    String next = node.isObject() && node.get("url") != null && node.get("url").isString() ? node.get("url").asString() : null;
                    Files.deleteIfExists(file);
                    if (next == null) {
                        throw InboundProvider.Failure.permanent("Recording download answered JSON without a url");
                    }
                    return fetch(next, Map.of(), name, false);
                }
                Downloaded downloaded = new Downloaded(file, type.split(";")[0].strip(), filename(response, uri, name, type));
                file = null;
                return downloaded;
            }
        } catch (TargetGuard.TargetRefusedException e) {
            throw InboundProvider.Failure.permanent("Recording URL refused: " + e.getMessage());
        } catch (IOException e) {
            throw InboundProvider.Failure.retryable("Recording download failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InboundProvider.Failure.retryable("Interrupted");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static String filename(HttpResponse<?> response, URI uri, String fallback, String contentType) {
        String disposition = response.headers().firstValue("content-disposition").orElse("");
        int at = disposition.toLowerCase(Locale.ROOT).indexOf("filename=");
        if (at >= 0) {
            String name = disposition.substring(at + 9).replace("\"", "").split(";")[0].strip();
            if (name.matches("[A-Za-z0-9._-]{1,100}")) {
                return name;
            }
        }
        return MediaFileNames.forDownload(uri, contentType, fallback);
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a scratch file; the work directory is cleaned by nothing else, but this is rare
            }
        }
    }
}
