package io.verbatim.bench;

import io.verbatim.support.ApiClient;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.ServerProcess;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A storm of voice-agent call reports against a real server process: N full end-of-call reports (Vapi
 * end-of-call-report and Retell call_analyzed, each with tool calls, costs, analysis and a mono and a stereo
 * recording to fetch) from C concurrent senders, 30% of them a report already sent (some racing their
 * original). The pipeline works while the storm lasts (recording fetches, imports, analyses). Then it waits
 * for the conversations and checks that every distinct call became exactly one, and that each assistant
 * counts each of its calls once. Prints the acknowledgement percentiles (target p99 <= 200 ms).
 *
 * <p>Run: {@code scripts/bench.sh call-reports [reports] [senders]}
 */
public final class CallReportStormBenchmark {

    private static final String TENANT = "demo-tenant";
    private static final String VAPI_SECRET = "storm-vapi-" + UUID.randomUUID();
    private static final String RETELL_KEY = "key_storm" + UUID.randomUUID().toString().replace("-", "");

    private CallReportStormBenchmark() {
    }

    record Report(String provider, String callId, String assistant, String path, String body) {
    }

    record Outcome(Report report, int status, double millis) {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int duplicates = (int) Math.round(total * 0.30);
        int unique = total - duplicates;
        System.out.printf("Call-report storm: %d reports (%d distinct calls, %d repeats) from %d senders, %d cores%n", total, unique,
                duplicates, senders, Runtime.getRuntime().availableProcessors());
        byte[] wav = TestAudio.clip(TestData.call("va_008.stereo.wav"), 0, 1);
        try (LocalHttpServer recordings = new LocalHttpServer().handle(r -> LocalHttpServer.Reply.bytes("audio/wav", wav))) {
            ServerProcess server = new ServerProcess(Files.createTempDirectory("verbatim-bench-reports-"), List.of(
                    "verbatim.webhooks.allow-private-targets=true", "verbatim.demo.conversations=false",
                    "verbatim.ingest.drop-folder-enabled=false", "logging.level.root=warn"));
            try {
                server.start();
                run(server, new ApiClient(server.port()), recordings, unique, duplicates, senders, args.length > 2 && args[2].equals("storm-only"));
            } finally {
                server.stop();
            }
        }
    }

    private static void run(ServerProcess server, ApiClient api, LocalHttpServer recordings, int unique, int duplicates, int senders,
                            boolean stormOnly) throws Exception {
        String admin = api.token("admin@demo.local");
        put(api, admin, "vapi", Map.of("secret", VAPI_SECRET));
        put(api, admin, "retell", Map.of("api_key", RETELL_KEY));
        Random random = new Random(42);
        String run = Long.toString(System.currentTimeMillis(), 36);
        String[] assistants = {"storm-" + run + "-clinic", "storm-" + run + "-salon"};
        List<Report> distinct = new ArrayList<>();
        for (int i = 0; i < unique; i++) {
            distinct.add(report(recordings, i % 3 == 2 ? "retell" : "vapi", "call-" + run + "-" + i, assistants[i % 2]));
        }
        List<Report> all = new ArrayList<>(distinct);
        for (int i = 0; i < duplicates; i++) {
            all.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(all, random);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 20; i++) { // warm-up, not counted
            send(http, api.base(), report(recordings, i % 2 == 0 ? "vapi" : "retell", "warm-" + run + "-" + i, "warm-" + run));
        }
        // Baseline in the same run: one sender, distinct reports, no storm (not counted below), so a loaded
        // machine's figures can be read as a ratio.
        double cpu0 = server.cpuMillis();
        double[] baseline = new double[100];
        for (int i = 0; i < baseline.length; i++) {
            Report r = report(recordings, i % 3 == 2 ? "retell" : "vapi", "base-" + run + "-" + i, "base-" + run);
            long t0 = System.nanoTime();
            send(http, api.base(), r);
            baseline[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(baseline);
        System.out.printf("Baseline, one sender, no storm: p50 %.1f ms  p99 %.1f ms%n", Load.percentile(baseline, 50),
                Load.percentile(baseline, 99));
        System.out.printf("Baseline server CPU per report (JVM + PostgreSQL, pipeline included): %.1f ms%n",
                (server.cpuMillis() - cpu0) / baseline.length);
        Thread.sleep(3000);

        double stormCpu0 = server.cpuMillis();
        double stormJvm0 = server.jvmCpuMillis();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < senders; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < all.size()) {
                        Report r = all.get(i);
                        long t0 = System.nanoTime();
                        int status = send(http, api.base(), r);
                        outcomes.add(new Outcome(r, status, (System.nanoTime() - t0) / 1e6));
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double stormCpu = server.cpuMillis() - stormCpu0;
        double stormJvm = server.jvmCpuMillis() - stormJvm0;
        double[] latencies = outcomes.stream().mapToDouble(Outcome::millis).sorted().toArray();
        long acknowledged = outcomes.stream().filter(o -> o.status() == 200).count();
        System.out.printf("Acknowledged %d of %d reports 200 in %.2f s (%.1f reports/s)%n", acknowledged, outcomes.size(), seconds,
                outcomes.size() / seconds);
        System.out.printf("Acknowledgement: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (target p99 <= 200 ms: %s)%n",
                Load.percentile(latencies, 50), Load.percentile(latencies, 95), Load.percentile(latencies, 99),
                latencies[latencies.length - 1], Load.percentile(latencies, 99) <= 200 ? "met" : "NOT met");
        System.out.printf("p99 ratio storm/baseline: %.2fx%n", Load.percentile(latencies, 99) / Load.percentile(baseline, 99));
        System.out.printf("Server CPU during the storm per report: %.1f ms (JVM %.1f ms, PostgreSQL %.1f ms; the pipeline's share included)%n",
                stormCpu / outcomes.size(), stormJvm / outcomes.size(), (stormCpu - stormJvm) / outcomes.size());
        if (stormOnly) {
            return;
        }

        Set<String> expected = distinct.stream().map(r -> r.provider() + "/" + r.callId()).collect(Collectors.toCollection(TreeSet::new));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        long waitStart = System.nanoTime();
        Map<String, Integer> found = Map.of();
        while (Instant.now().isBefore(deadline)) {
            found = conversations(api, admin, run);
            if (found.keySet().containsAll(expected)) {
                break;
            }
            Thread.sleep(1000);
        }
        double ready = (System.nanoTime() - waitStart) / 1e9;
        Thread.sleep(3000);
        found = conversations(api, admin, run);
        long twice = found.values().stream().filter(n -> n > 1).count();
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found.keySet());
        System.out.printf("Conversations: %d for %d distinct calls (all in %.1f s after the storm): missing %d, twice %d%n",
                found.values().stream().mapToInt(Integer::intValue).sum(), expected.size(), ready, missing.size(), twice);

        // Each assistant counts its calls once (after their analyses).
        Map<String, Long> perAssistant = distinct.stream().collect(Collectors.groupingBy(r -> r.provider() + "/" + r.assistant(),
                Collectors.counting()));
        Map<String, Long> counted = new HashMap<>();
        Instant analysed = Instant.now().plus(Duration.ofMinutes(15));
        while (Instant.now().isBefore(analysed)) {
            counted.clear();
            var listed = api.get("/api/v1/assistants", api.token("admin@demo.local")); // a fresh token: this can outlast one
            if (listed.status() != 200 || listed.body() == null || listed.body().get("items") == null) {
                System.out.printf("GET /api/v1/assistants answered %d: %s%n", listed.status(), listed.raw());
                Thread.sleep(2000);
                continue;
            }
            for (JsonNode a : listed.body().get("items")) {
                counted.put(a.get("provider").asString() + "/" + a.get("provider_assistant_id").asString(),
                        a.get("metrics").get("calls").asLong());
            }
            if (perAssistant.entrySet().stream().allMatch(e -> e.getValue().equals(counted.get(e.getKey())))) {
                break;
            }
            Thread.sleep(2000);
        }
        boolean assistantsExact = perAssistant.entrySet().stream().allMatch(e -> e.getValue().equals(counted.get(e.getKey())));
        System.out.printf("Assistants: expected %s, counted %s%n", new java.util.TreeMap<>(perAssistant),
                new java.util.TreeMap<>(counted.entrySet().stream().filter(e -> perAssistant.containsKey(e.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        boolean exact = missing.isEmpty() && twice == 0 && acknowledged == outcomes.size() && assistantsExact;
        System.out.println(exact ? "RESULT: EXACT (every distinct call once, every report acknowledged)" : "RESULT: NOT EXACT "
                + missing.stream().limit(10).toList());
    }

    private static Map<String, Integer> conversations(ApiClient api, String token, String run) {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/conversations?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), token).body();
            for (JsonNode c : page.get("items")) {
                JsonNode ext = c.get("external_id");
                String source = c.get("source").asString();
                if (ext != null && ext.asString().startsWith("call-" + run + "-")) {
                    counts.merge(source + "/" + ext.asString(), 1, Integer::sum);
                }
            }
            cursor = page.get("next_cursor") == null ? null : page.get("next_cursor").asString();
        } while (cursor != null);
        return counts;
    }

    private static Report report(LocalHttpServer recordings, String provider, String callId, String assistant) {
        String mono = recordings.url("/rec/" + callId + ".wav");
        String stereo = recordings.url("/rec/" + callId + "-stereo.wav");
        if (provider.equals("vapi")) {
            String body = """
                    {"message":{"type":"end-of-call-report","endedReason":"customer-ended-call","cost":0.12,"startedAt":"2026-02-01T10:00:00Z",
                      "endedAt":"2026-02-01T10:00:14Z","assistant":{"id":"%2$s","name":"Storm clinic"},
                      "call":{"id":"%1$s","type":"inboundPhoneCall","customer":{"number":"+16125550143"},
                        "costBreakdown":{"stt":0.02,"llm":0.04,"tts":0.03,"vapi":0.03,"total":0.12}},
                      "analysis":{"summary":"Moved an appointment to Friday.","structuredData":{"booking_status":"booked"},"successEvaluation":"true"},
                      "artifact":{"recording":{"stereoUrl":"%4$s","mono":{"combinedUrl":"%3$s"}},"messages":[
                        {"role":"bot","message":"Thanks for calling, this is Ava. How can I help?","secondsFromStart":0.5},
                        {"role":"user","message":"I need to move my appointment to Friday.","secondsFromStart":3.2},
                        {"role":"tool_calls","toolCalls":[{"id":"t1","type":"function","function":{"name":"reschedule","arguments":"{\\"day\\":\\"friday\\"}"}}],"secondsFromStart":5.5},
                        {"role":"tool_call_result","toolCallId":"t1","name":"reschedule","result":"{\\"ok\\":true}","secondsFromStart":5.9},
                        {"role":"bot","message":"Sure, Friday at ten works. You are all set.","secondsFromStart":6.0}]}}}"""
                    .formatted(callId, assistant, mono, stereo);
            return new Report(provider, callId, assistant, "/api/v1/webhooks/" + TENANT + "/vapi", body);
        }
        String body = """
                {"event":"call_analyzed","call":{"call_type":"phone_call","call_id":"%1$s","agent_id":"%2$s","agent_name":"Storm salon",
                  "direction":"inbound","from_number":"+16125550143","to_number":"+16125550100","start_timestamp":1769940000000,
                  "end_timestamp":1769940012000,"duration_ms":12000,"disconnection_reason":"user_hangup",
                  "recording_url":"%3$s","recording_multi_channel_url":"%4$s",
                  "transcript_object":[
                    {"role":"agent","content":"Hi, Bella Salon.","words":[{"word":"Hi,","start":0.4,"end":0.7},{"word":"Bella","start":0.7,"end":1.0},{"word":"Salon.","start":1.0,"end":1.4}]},
                    {"role":"user","content":"A haircut on Friday please.","words":[{"word":"A","start":2.0,"end":2.1},{"word":"haircut","start":2.1,"end":2.6},{"word":"on","start":2.6,"end":2.7},{"word":"Friday","start":2.7,"end":3.1},{"word":"please.","start":3.1,"end":3.5}]}],
                  "call_analysis":{"call_summary":"Booked a haircut.","user_sentiment":"Positive","call_successful":true,"in_voicemail":false,
                    "custom_analysis_data":{"booking_status":"booked"}},
                  "call_cost":{"product_costs":[],"total_duration_seconds":12,"combined_cost":8.4}}}"""
                .formatted(callId, assistant, mono, stereo);
        return new Report(provider, callId, assistant, "/api/v1/webhooks/" + TENANT + "/retell", body);
    }

    private static int send(HttpClient http, String base, Report r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(r.body()));
        if (r.provider().equals("vapi")) {
            String ts = Long.toString(Instant.now().getEpochSecond());
            b.header("x-timestamp", ts).header("x-signature", hmacHex(VAPI_SECRET, ts + "." + r.body()));
        } else {
            long ms = System.currentTimeMillis();
            b.header("x-retell-signature", "v=" + ms + ",d=" + hmacHex(RETELL_KEY, r.body() + ms));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ApiClient api, String token, String name, Map<String, String> fields) {
        var r = api.send("PUT", "/api/v1/credentials/" + name, token, Map.of(), api.json().writeValueAsString(fields));
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("credential " + name + " -> " + r.status());
        }
    }
}
