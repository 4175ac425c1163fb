package io.verbatim.bench;

import io.verbatim.support.ApiClient;
import io.verbatim.support.ServerProcess;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ingest under load: N small uploads (2 s WAV clips) from C concurrent clients against a real server
 * process, first on an idle server (the baseline), then while long recordings are being transcribed
 * in the background. Prints accepted/s and accept-latency percentiles for both, and their ratio.
 *
 * <p>Run: {@code scripts/bench.sh ingest [uploads] [clients]}
 */
public final class IngestLoadBenchmark {

    private IngestLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        byte[] small = TestAudio.clip(TestData.call("va_008.mono.wav"), 5, 2);
        System.out.printf("Ingest benchmark: %d uploads of %d bytes from %d clients, %d cores%n", uploads, small.length,
                clients, Runtime.getRuntime().availableProcessors());
        Result idle;
        // Baseline: the same server with its job engine off, so nothing runs behind the uploads.
        ServerProcess quiet = new ServerProcess(Files.createTempDirectory("verbatim-bench-quiet-"),
                List.of("verbatim.pipeline.enabled=false", "verbatim.ingest.drop-folder-enabled=false", "logging.level.root=warn"));
        try {
            quiet.start();
            ApiClient api = new ApiClient(quiet.port());
            Uploads client = new Uploads(api);
            String token = api.token("admin@demo.local");
            run(quiet, client, token, small, 100, clients, "warm-up");
            run(quiet, client, token, small, 50, 1, "one client, no jobs");
            idle = run(quiet, client, token, small, uploads, clients, "no jobs (baseline)");
        } finally {
            quiet.stop();
        }
        if (args.length > 2 && args[2].equals("idle-only")) {
            return; // profiling the accept path alone
        }
        Path dataDir = Files.createTempDirectory("verbatim-bench-");
        ServerProcess server = new ServerProcess(dataDir, List.of("verbatim.ingest.drop-folder-enabled=false",
                "logging.level.root=warn"));
        try {
            server.start();
            ApiClient api = new ApiClient(server.port());
            Uploads client = new Uploads(api);
            String token = api.token("admin@demo.local");
            run(server, client, token, small, 100, clients, "warm-up");

            for (String call : new String[] {"csr_002", "sup_003", "fs_003", "ms_002"}) {
                byte[] wav = Files.readAllBytes(TestData.call(call + ".stereo.wav"));
                client.upload(token, new Part("media", call + ".wav", "audio/wav", wav));
            }
            Thread.sleep(3000); // let transcription get going
            Result busy = run(server, client, token, small, uploads, clients, "transcription running");
            System.out.printf("p99 ratio busy/idle: %.2fx; throughput ratio busy/idle: %.2fx%n",
                    busy.p99() / idle.p99(), busy.perSecond() / idle.perSecond());
            System.out.printf("Target p99 <= 150 ms with transcription running (issue 18): %s%n", busy.p99() <= 150 ? "MET" : "NOT MET");
        } finally {
            server.stop();
        }
    }

    record Result(double perSecond, double p50, double p95, double p99, double max, int failures) {
    }

    private static Result run(ServerProcess server, Uploads client, String token, byte[] wav, int count, int clients,
                              String label) throws Exception {
        double cpu0 = server.cpuMillis();
        double jvm0 = server.jvmCpuMillis();
        Load.Run run = Load.concurrently(count, clients, i -> client.upload(token,
                new Part("media", "small-" + label.hashCode() + "-" + i + ".wav", "audio/wav", wav)).status() == 202);
        double[] latencies = run.latencies();
        Result result = new Result(run.perSecond(), Load.percentile(latencies, 50), Load.percentile(latencies, 95),
                Load.percentile(latencies, 99), run.max(), run.failures());
        System.out.printf("%-28s accepted %.1f/s  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  failed %d%n",
                label, result.perSecond(), result.p50(), result.p95(), result.p99(), result.max(), result.failures());
        // Server CPU per upload (JVM + PostgreSQL): what the accept path costs, whatever else loads the machine.
        double cpu = server.cpuMillis() - cpu0;
        double jvm = server.jvmCpuMillis() - jvm0;
        System.out.printf("%-28s server CPU per upload %.1f ms (JVM %.1f ms, PostgreSQL %.1f ms)%n", "", cpu / count, jvm / count,
                (cpu - jvm) / count);
        return result;
    }

}
