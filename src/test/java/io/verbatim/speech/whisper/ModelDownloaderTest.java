package io.verbatim.speech.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.verbatim.speech.SpeechEngineException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model download with checksum, against a local HTTP server on 127.0.0.1. */
class ModelDownloaderTest {

    private static final byte[] MODEL = "ggml fake model bytes, not a real model".repeat(1000).getBytes();

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger downloads = new AtomicInteger();
    private final ModelDownloader downloader = new ModelDownloader(HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).build());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models/ggml-tiny.bin", exchange -> {
            downloads.incrementAndGet();
            exchange.sendResponseHeaders(200, MODEL.length);
            exchange.getResponseBody().write(MODEL);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/models/ggml-tiny.bin");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void downloadsOnceWhenTheChecksumMatches() throws Exception {
        Path target = dir.resolve("models/ggml-tiny.bin");
        assertThat(downloader.ensure(target, url("/moved"), sha256(MODEL).toUpperCase())).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(MODEL);
        downloader.ensure(target, url("/models/ggml-tiny.bin"), sha256(MODEL));
        assertThat(downloads).hasValue(1);
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target); // no .part left
        }
    }

    @Test
    void checksumMismatchLeavesNoModel() throws Exception {
        Path target = dir.resolve("ggml-tiny.bin");
        String wrong = sha256("something else".getBytes());
        assertThatThrownBy(() -> downloader.ensure(target, url("/models/ggml-tiny.bin"), wrong))
                .isInstanceOf(SpeechEngineException.class)
                .hasMessageContaining(sha256(MODEL)).hasMessageContaining(wrong).hasMessageContaining("not installed");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void httpErrorsAndMissingChecksumAreRefused() {
        Path target = dir.resolve("ggml-tiny.bin");
        assertThatThrownBy(() -> downloader.ensure(target, url("/missing"), "00"))
                .isInstanceOf(SpeechEngineException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> downloader.ensure(target, url("/models/ggml-tiny.bin"), null))
                .isInstanceOf(SpeechEngineException.class).hasMessageContaining("sha256");
        assertThat(downloads).hasValue(0);
        assertThat(target).doesNotExist();
    }
}
