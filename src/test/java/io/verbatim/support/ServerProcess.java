package io.verbatim.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Verbatim as a separate OS process on a data directory, so tests can kill it with SIGKILL and start it again. */
public final class ServerProcess {

    private final Path dataDir;
    private final int port;
    private final List<String> extraProperties;
    private Process process;

    public ServerProcess(Path dataDir, List<String> extraProperties) {
        this.dataDir = dataDir;
        this.port = freePort();
        this.extraProperties = extraProperties;
    }

    public int port() {
        return port;
    }

    public void start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                "-Dverbatim.data-dir=" + dataDir, "-Dserver.port=" + port, "-Dverbatim.demo.enabled=true"));
        extraProperties.forEach(p -> command.add("-D" + p));
        command.add("io.verbatim.VerbatimApplication");
        File log = dataDir.resolve("server-" + Instant.now().toEpochMilli() + ".log").toFile();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Server exited early:\n" + tail(log));
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Server did not become ready:\n" + tail(log));
    }

    private static String tail(File log) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(log.toPath());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGKILL: no shutdown hooks, no graceful anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
