package io.verbatim.speech.whisper;

import io.verbatim.speech.SpeechEngineException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Fetches a model file once: streamed to a temporary file beside the target while its SHA-256 is
 * computed, then moved into place only when the checksum matches, so a truncated or tampered
 * download never becomes the model. A checksum is required: models run as native code input.
 */
public final class ModelDownloader {

    private final HttpClient http;

    public ModelDownloader(HttpClient http) {
        this.http = http;
    }

    /**
     * Makes sure {@code target} exists, downloading it from {@code url} if not.
     *
     * @param sha256 expected SHA-256 of the file, hex
     * @return the target
     * @throws SpeechEngineException when the download fails or its checksum differs
     */
    public Path ensure(Path target, URI url, String sha256) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        if (url == null || sha256 == null || sha256.isBlank()) {
            throw new SpeechEngineException(WhisperEngine.NAME, "model " + target + " is missing and no download-url with sha256 is configured");
        }
        Path part = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream body = new DigestInputStream(response.body(), digest); OutputStream out = Files.newOutputStream(part)) {
                if (response.statusCode() != 200) {
                    throw new SpeechEngineException(WhisperEngine.NAME, "model download from " + url + " answered HTTP " + response.statusCode());
                }
                body.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256.strip().toLowerCase(Locale.ROOT))) {
                throw new SpeechEngineException(WhisperEngine.NAME, "model download from " + url
                        + " has SHA-256 " + actual + ", expected " + sha256.strip() + "; not installed");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new SpeechEngineException(WhisperEngine.NAME, "model download from " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechEngineException(WhisperEngine.NAME, "model download interrupted", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover .part file is harmless: the next attempt uses a new name
            }
        }
    }
}
