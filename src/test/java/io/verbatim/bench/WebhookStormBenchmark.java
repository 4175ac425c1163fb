package io.verbatim.bench;

import io.verbatim.support.ApiClient;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.ServerProcess;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import io.verbatim.webhooks.StandardWebhooks;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
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
 * A redelivery storm against a real server process: N webhook deliveries (Vapi, generic Standard
 * Webhooks, CallRail, Twilio) from C concurrent senders, of which 30% redeliver an event already sent
 * (some racing their original) and 5% carry a bad signature (wrong secret, tampered body, missing or stale
 * signature). Then it waits for the conversations and checks: exactly one per distinct good event, none
 * twice, none from a refused delivery. Prints the accept rate and latency percentiles.
 *
 * <p>Run: {@code scripts/bench.sh webhooks [deliveries] [senders]}
 */
public final class WebhookStormBenchmark {

    private static final String TENANT = "demo-tenant";
    private static final String TWILIO_TOKEN = "storm-twilio-" + UUID.randomUUID();
    private static final String VAPI_SECRET = "storm-vapi-" + UUID.randomUUID();
    private static final String CALLRAIL_KEY = "storm-callrail-" + UUID.randomUUID();
    private static final String GENERIC_SECRET = StandardWebhooks.newSecret();
    private static final String GENERIC_SOURCE = "storm-crm";

    private WebhookStormBenchmark() {
    }

    /** One HTTP delivery as a provider would send it. */
    record Delivery(String provider, String key, boolean good, String path, Map<String, String> headers, String body, String contentType) {
    }

    record Outcome(Delivery delivery, int status, double millis) {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int bad = (int) Math.round(total * 0.05);
        int duplicates = (int) Math.round(total * 0.30);
        int unique = total - bad - duplicates;
        System.out.printf("Webhook redelivery storm: %d deliveries (%d distinct good events, %d redeliveries, %d bad signatures) "
                + "from %d senders, %d cores%n", total, unique, duplicates, bad, senders, Runtime.getRuntime().availableProcessors());

        byte[] wav = TestAudio.clip(TestData.call("va_008.stereo.wav"), 0, 1);
        try (LocalHttpServer recordings = new LocalHttpServer().handle(r -> LocalHttpServer.Reply.bytes("audio/wav", wav))) {
            ServerProcess server = new ServerProcess(Files.createTempDirectory("verbatim-bench-storm-"), List.of(
                    "verbatim.webhooks.allow-private-targets=true", "verbatim.demo.conversations=false",
                    "verbatim.ingest.drop-folder-enabled=false", "logging.level.root=warn"));
            try {
                server.start();
                run(new ApiClient(server.port()), recordings, total, senders, unique, duplicates, bad);
            } finally {
                server.stop();
            }
        }
    }

    private static void run(ApiClient api, LocalHttpServer recordings, int total, int senders, int unique, int duplicates, int bad)
            throws Exception {
        String admin = api.token("admin@demo.local");
        put(api, admin, "twilio", Map.of("auth_token", TWILIO_TOKEN));
        put(api, admin, "vapi", Map.of("secret", VAPI_SECRET));
        put(api, admin, "callrail", Map.of("signing_key", CALLRAIL_KEY));
        put(api, admin, "generic:" + GENERIC_SOURCE, Map.of("secret", GENERIC_SECRET));

        Random random = new Random(42);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Delivery> good = new ArrayList<>();
        String[] mix = {"vapi", "vapi", "vapi", "vapi", "generic", "generic", "generic", "callrail", "callrail", "twilio"};
        for (int i = 0; i < unique; i++) {
            good.add(delivery(api, recordings, mix[i % mix.length], run + "-" + i, true, random));
        }
        List<Delivery> all = new ArrayList<>(good);
        for (int i = 0; i < duplicates; i++) {
            Delivery original = good.get(random.nextInt(good.size()));
            all.add(original.provider().equals("generic") ? resign(original) : original);
        }
        for (int i = 0; i < bad; i++) {
            all.add(delivery(api, recordings, mix[random.nextInt(mix.length)], run + "-bad-" + i, false, random));
        }
        Collections.shuffle(all, random);

        // warm-up, then the baseline: one sender, distinct good events, no storm (not counted below)
        HttpClient single = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            send(single, api.base(), delivery(api, recordings, mix[i % mix.length], run + "-warm-" + i, true, random));
        }
        double[] baseline = new double[100];
        for (int i = 0; i < baseline.length; i++) {
            Delivery d = delivery(api, recordings, mix[i % mix.length], run + "-warmbase-" + i, true, random);
            long t0 = System.nanoTime();
            send(single, api.base(), d);
            baseline[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(baseline);
        System.out.printf("Baseline, one sender, no storm: p50 %.1f ms  p99 %.1f ms%n", pct(baseline, 50), pct(baseline, 99));
        Thread.sleep(3000); // let the baseline's events be processed before the storm

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < senders; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < all.size()) {
                        Delivery d = all.get(i);
                        long t0 = System.nanoTime();
                        int status = send(http, api.base(), d);
                        outcomes.add(new Outcome(d, status, (System.nanoTime() - t0) / 1e6));
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long accepted = outcomes.stream().filter(o -> o.status() / 100 == 2).count();
        long goodAccepted = outcomes.stream().filter(o -> o.delivery().good() && o.status() / 100 == 2).count();
        long goodTotal = outcomes.stream().filter(o -> o.delivery().good()).count();
        long badRefused = outcomes.stream().filter(o -> !o.delivery().good() && o.status() == 401).count();
        long badTotal = outcomes.stream().filter(o -> !o.delivery().good()).count();
        Map<Integer, Long> byStatus = outcomes.stream().collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
        double[] latencies = outcomes.stream().mapToDouble(Outcome::millis).sorted().toArray();
        double[] goodLatencies = outcomes.stream().filter(o -> o.delivery().good()).mapToDouble(Outcome::millis).sorted().toArray();
        System.out.printf("Answered %d deliveries in %.2f s: %.1f deliveries/s; statuses %s%n", outcomes.size(), seconds,
                outcomes.size() / seconds, byStatus);
        System.out.printf("Accept rate: %d of %d good deliveries acknowledged 2xx (%.1f%%); %d of %d bad signatures refused 401 (%.1f%%)%n",
                goodAccepted, goodTotal, 100.0 * goodAccepted / goodTotal, badRefused, badTotal, 100.0 * badRefused / badTotal);
        System.out.printf("Latency, all: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n", pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99), latencies[latencies.length - 1]);
        System.out.printf("Latency, good: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n", pct(goodLatencies, 50), pct(goodLatencies, 95),
                pct(goodLatencies, 99));
        System.out.printf("p99 ratio storm/baseline: %.2fx%n", pct(latencies, 99) / pct(baseline, 99));
        for (String provider : new String[] {"vapi", "generic", "callrail", "twilio"}) {
            double[] l = outcomes.stream().filter(o -> o.delivery().provider().equals(provider)).mapToDouble(Outcome::millis).sorted().toArray();
            System.out.printf("  %-8s %4d deliveries  p50 %.1f ms  p99 %.1f ms%n", provider, l.length, pct(l, 50), pct(l, 99));
        }

        // Every distinct good event must become exactly one conversation; no bad one any.
        Set<String> expected = good.stream().map(Delivery::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> refusedKeys = all.stream().filter(d -> !d.good()).map(Delivery::key).collect(Collectors.toSet());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        long processingStart = System.nanoTime();
        Map<String, Integer> found = Map.of();
        while (Instant.now().isBefore(deadline)) {
            found = conversations(api, admin, run);
            if (found.keySet().containsAll(expected)) {
                break;
            }
            Thread.sleep(500);
        }
        double processing = (System.nanoTime() - processingStart) / 1e9;
        Thread.sleep(3000); // anything late and extra would show now
        found = conversations(api, admin, run);
        long twice = found.values().stream().filter(n -> n > 1).count();
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found.keySet());
        Set<String> fromBad = new HashSet<>(found.keySet());
        fromBad.retainAll(refusedKeys);
        Set<String> unexpected = new HashSet<>(found.keySet());
        unexpected.removeAll(expected);
        int conversations = found.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Conversations: %d for %d distinct good events (ready %.1f s after the storm): missing %d, twice %d, "
                + "from refused deliveries %d, unexpected %d%n", conversations, expected.size(), processing, missing.size(), twice,
                fromBad.size(), unexpected.size());
        JsonNode failed = api.get("/api/v1/inbound-webhooks?status=failed&limit=500", admin).body();
        System.out.printf("Inbound events failed: %d%n", failed.get("items").size());
        boolean exact = conversations == expected.size() && missing.isEmpty() && twice == 0 && fromBad.isEmpty() && unexpected.isEmpty()
                && badRefused == badTotal && goodAccepted == goodTotal;
        System.out.println(exact ? "RESULT: EXACT (every good event once, no duplicate, every bad one refused)" : "RESULT: NOT EXACT");
        if (!exact) {
            System.out.println("missing: " + missing.stream().limit(10).toList() + " unexpected: " + unexpected.stream().limit(10).toList());
        }
    }

    /** external ids of this run's conversations (the four storm sources) and how often each occurs. */
    private static Map<String, Integer> conversations(ApiClient api, String token, String run) {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/conversations?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), token).body();
            for (JsonNode c : page.get("items")) {
                JsonNode ext = c.get("external_id");
                String source = c.get("source").asString();
                if (ext != null && Set.of("vapi", "callrail", "twilio", GENERIC_SOURCE).contains(source) && ext.asString().contains(run)
                        && !ext.asString().contains("warm")) {
                    counts.merge(source + "/" + ext.asString(), 1, Integer::sum);
                }
            }
            cursor = page.get("next_cursor") == null ? null : page.get("next_cursor").asString();
        } while (cursor != null);
        return counts;
    }

    private static Delivery delivery(ApiClient api, LocalHttpServer recordings, String provider, String id, boolean good, Random random) {
        String base = api.base();
        return switch (provider) {
            case "vapi" -> {
                String callId = "call-" + id;
                String body = """
                        {"message":{"type":"end-of-call-report","endedReason":"customer-ended-call","startedAt":"2026-02-01T10:00:00Z",
                          "call":{"id":"%s","type":"inboundPhoneCall","customer":{"number":"+16125550143"}},
                          "artifact":{"messages":[{"role":"bot","message":"Thanks for calling, this is Ava. How can I help?","secondsFromStart":0.5},
                            {"role":"user","message":"I need to move my appointment to Friday.","secondsFromStart":3.2},
                            {"role":"bot","message":"Sure, Friday at ten works. You are all set.","secondsFromStart":6.0}]}}}"""
                        .formatted(callId);
                String ts = Long.toString(Instant.now().getEpochSecond());
                String secret = good ? VAPI_SECRET : "wrong-" + VAPI_SECRET;
                String signature = HexFormat.of().formatHex(hmac("HmacSHA256", secret.getBytes(), (ts + "." + body).getBytes()));
                yield new Delivery("vapi", "vapi/" + callId, good, "/api/v1/webhooks/" + TENANT + "/vapi",
                        Map.of("x-signature", signature, "x-timestamp", ts), body, "application/json");
            }
            case "generic" -> {
                String ext = "crm-" + id;
                String body = """
                        {"external_id":"%s","direction":"outbound","agent":"csr1@demo.local","customer":{"phone":"+16125550177"},
                         "transcript":"Agent: Hi, this is Casey from ComfortPro following up on your quote.\\nCustomer: Yes, I got it, thanks."}"""
                        .formatted(ext);
                String msgId = "msg_" + id;
                long ts = Instant.now().getEpochSecond();
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("webhook-id", msgId);
                if (good) {
                    headers.put("webhook-timestamp", Long.toString(ts));
                    headers.put("webhook-signature", StandardWebhooks.sign(StandardWebhooks.key(GENERIC_SECRET), msgId, ts, body.getBytes()));
                } else if (random.nextBoolean()) { // stale: signed correctly an hour ago
                    headers.put("webhook-timestamp", Long.toString(ts - 3600));
                    headers.put("webhook-signature", StandardWebhooks.sign(StandardWebhooks.key(GENERIC_SECRET), msgId, ts - 3600, body.getBytes()));
                } else { // tampered body
                    headers.put("webhook-timestamp", Long.toString(ts));
                    headers.put("webhook-signature", StandardWebhooks.sign(StandardWebhooks.key(GENERIC_SECRET), msgId, ts, body.getBytes()));
                    body = body.replace("Casey", "Mallory");
                }
                yield new Delivery("generic", GENERIC_SOURCE + "/" + ext, good, "/api/v1/webhooks/" + TENANT + "/generic/" + GENERIC_SOURCE,
                        headers, body, "application/json");
            }
            case "callrail" -> {
                String callId = "CAL" + id;
                String body = """
                        {"answered":true,"call_type":"first_call","company_name":"Boost Marketing","customer_name":"Kaylah Mills",
                         "customer_phone_number":"+12148654559","direction":"inbound","duration":"42","id":"%s",
                         "start_time":"2026-02-01T13:41:00.236-05:00","agent_email":"csr1@demo.local",
                         "conversational_transcript":[{"speaker":"agent","phrase":"Boost Marketing, this is Casey.","start":0.5},
                           {"speaker":"caller","phrase":"Hi, I saw your ad and want a quote.","start":2.8}]}""".formatted(callId);
                String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA1", CALLRAIL_KEY.getBytes(), body.getBytes()));
                Map<String, String> headers = good ? Map.of("Signature", signature) : random.nextBoolean() ? Map.of()
                        : Map.of("Signature", Base64.getEncoder().encodeToString(hmac("HmacSHA1", "other-key".getBytes(), body.getBytes())));
                yield new Delivery("callrail", "callrail/" + callId, good, "/api/v1/webhooks/" + TENANT + "/callrail", headers, body,
                        "application/json");
            }
            default -> {
                String sid = "RE" + id.replace("-", "");
                Map<String, String> params = new TreeMap<>();
                params.put("AccountSid", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");
                params.put("CallSid", "CA" + sid.substring(2));
                params.put("RecordingSid", sid);
                params.put("RecordingUrl", recordings.url("/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/Recordings/" + sid));
                params.put("RecordingStatus", "completed");
                params.put("RecordingChannels", "1");
                params.put("RecordingDuration", "1");
                params.put("RecordingStartTime", "Tue, 28 May 2019 02:18:02 +0000");
                params.put("RecordingSource", "OutboundAPI");
                String path = "/api/v1/webhooks/" + TENANT + "/twilio";
                StringBuilder signed = new StringBuilder(base + path);
                params.forEach((k, v) -> signed.append(k).append(v));
                String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA1",
                        (good ? TWILIO_TOKEN : "wrong-token").getBytes(), signed.toString().getBytes(StandardCharsets.UTF_8)));
                String body = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
                yield new Delivery("twilio", "twilio/" + sid, good, path, Map.of("X-Twilio-Signature", signature), body,
                        "application/x-www-form-urlencoded");
            }
        };
    }

    /** A Standard-Webhooks redelivery: the same webhook-id and body, signed again with a new timestamp. */
    private static Delivery resign(Delivery original) {
        long ts = Instant.now().getEpochSecond() + 1;
        String msgId = original.headers().get("webhook-id");
        Map<String, String> headers = new LinkedHashMap<>(original.headers());
        headers.put("webhook-timestamp", Long.toString(ts));
        headers.put("webhook-signature", StandardWebhooks.sign(StandardWebhooks.key(GENERIC_SECRET), msgId, ts, original.body().getBytes()));
        return new Delivery(original.provider(), original.key(), true, original.path(), headers, original.body(), original.contentType());
    }

    private static int send(HttpClient http, String base, Delivery d) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + d.path())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", d.contentType()).POST(HttpRequest.BodyPublishers.ofString(d.body()));
        d.headers().forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void put(ApiClient api, String token, String name, Map<String, String> fields) {
        var r = api.send("PUT", "/api/v1/credentials/" + name, token, Map.of(), api.json().writeValueAsString(fields));
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("credential " + name + " -> " + r.status() + " " + r.raw());
        }
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double pct(double[] sorted, int p) {
        return Load.percentile(sorted, p);
    }

}
