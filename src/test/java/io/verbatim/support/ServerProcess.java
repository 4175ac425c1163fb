package io.verbatim.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
    private File lastLog;

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
        List<String> arguments = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                "-Dverbatim.data-dir=" + dataDir, "-Dserver.port=" + port, "-Dverbatim.demo.enabled=true"));
        extraProperties.forEach(p -> arguments.add("-D" + p));
        // Benchmarks only: extra JVM options for the server, e.g. a JFR recording (-Dverbatim.bench.server-jvm="-XX:...")
        String jvm = System.getProperty("verbatim.bench.server-jvm", "").strip();
        if (!jvm.isEmpty()) {
            arguments.addAll(0, List.of(jvm.split("\\s+")));
        }
        arguments.add("io.verbatim.VerbatimApplication");
        // An argument file, not a long command line: onnxruntime 1.29 crashes the JVM on load when the
        // process's command line exceeds about 4 KB, which a full test classpath does.
        Path argumentFile = Files.createTempFile("verbatim-server-", ".args");
        Files.write(argumentFile, arguments.stream().map(ServerProcess::quote).toList());
        argumentFile.toFile().deleteOnExit();
        List<String> command = List.of(java, "@" + argumentFile);
        // Under target/ rather than the (temporary) data directory, so a failed run's log survives it.
        Files.createDirectories(Path.of("target", "server-logs"));
        File log = Path.of("target", "server-logs", "server-" + Instant.now().toEpochMilli() + ".log").toFile();
        lastLog = log;
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newHttpClient();
        // A loaded machine (several builds at once) may need longer: -Dverbatim.test.server-ready-seconds=300
        Instant deadline = Instant.now().plus(Duration.ofSeconds(Long.getLong("verbatim.test.server-ready-seconds", 120)));
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

    private static String quote(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String tail(File log) throws IOException {
        List<String> lines = Files.readAllLines(log.toPath());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * CPU time the server has used so far, its JVM and every process it started (the embedded PostgreSQL and its
     * backends), in milliseconds: per request, a figure that the machine's other load changes far less than latency.
     */
    public double cpuMillis() {
        return cpuMillis(process.toHandle()) + postmaster().map(ServerProcess::cpuMillis).orElse(0.0);
    }

    /** The server JVM alone, without PostgreSQL. */
    public double jvmCpuMillis() {
        return cpu(process.toHandle());
    }

    private static double cpuMillis(ProcessHandle root) {
        return cpu(root) + root.descendants().mapToDouble(ServerProcess::cpu).sum();
    }

    private static double cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
    }

    /** pg_ctl starts the postmaster detached, so it is no descendant of the JVM: found by its pid file. */
    private java.util.Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postgres-18").resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public File lastLog() {
        return lastLog;
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
