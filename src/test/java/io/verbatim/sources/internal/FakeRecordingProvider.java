package io.verbatim.sources.internal;

import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.LocalHttpServer.Reply;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recording provider's REST API that misbehaves the way real ones do: OAuth2 password-grant tokens
 * that expire after a few calls, paged listings, a 500 now and then, and a recording listed twice.
 */
final class FakeRecordingProvider implements AutoCloseable {

    static final String CLIENT_ID = "verbatim";
    static final String CLIENT_SECRET = "provider-client-secret";
    static final String USER = "ops@customer.example";
    static final String PASSWORD = "provider-password";
    static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final LocalHttpServer server = new LocalHttpServer();
    private final byte[] wav = TestAudio.clip(TestData.call("va_008.stereo.wav"), 0, 1);
    final List<ObjectNode> recordings = new CopyOnWriteArrayList<>();
    final Set<String> missingMedia = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> tokenUses = new ConcurrentHashMap<>();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicBoolean failSecondPageOnce = new AtomicBoolean(true);
    final List<String> sinceSeen = new CopyOnWriteArrayList<>();
    final String prefix;
    volatile int tokenLifetime = 3;

    FakeRecordingProvider(String prefix, int count) {
        this.prefix = prefix;
        for (int i = 1; i <= count; i++) {
            ObjectNode r = json.createObjectNode();
            r.put("recording_id", prefix + "-r" + i);
            r.put("agent_email", i == 1 ? "csr1@demo.local" : "Agent " + i);
            r.put("call_start", FIRST.plusSeconds(60L * i).toString());
            r.put("dir", i % 2 == 1 ? "in" : "out");
            r.putObject("caller").put("number", "+161255501" + String.format("%02d", i));
            recordings.add(r);
        }
        server.handle(this::answer);
    }

    String baseUrl() {
        return server.url("");
    }

    Instant startOf(int i) {
        return FIRST.plusSeconds(60L * i);
    }

    int downloadsOf(String id) {
        return downloads.getOrDefault(id, new AtomicInteger()).get();
    }

    private Reply answer(LocalHttpServer.Request r) {
        if (r.method().equals("POST") && r.path().equals("/oauth/token")) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes());
            if (!basic.equals(r.header("authorization")) || !r.text().contains("grant_type=password")
                    || !r.text().contains("password=" + PASSWORD) || !r.text().contains("username=ops%40customer.example")) {
                return Reply.json(401, "{\"error\":\"invalid_client\"}");
            }
            String token = "tok-" + tokensIssued.incrementAndGet();
            tokenUses.put(token, new AtomicInteger());
            return Reply.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
        }
        String auth = r.header("authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        AtomicInteger uses = tokenUses.get(token);
        if (uses == null || uses.incrementAndGet() > tokenLifetime) {
            return Reply.json(401, "{\"error\":\"token_expired\"}");
        }
        if (r.path().equals("/api/v2/recordings")) {
            return list(r);
        }
        if (r.path().startsWith("/api/v2/recordings/") && r.path().endsWith("/media")) {
            String id = r.path().substring("/api/v2/recordings/".length(), r.path().length() - "/media".length());
            if (missingMedia.contains(id)) {
                return Reply.status(404);
            }
            downloads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            return Reply.bytes("audio/wav", wav);
        }
        return Reply.status(404);
    }

    private Reply list(LocalHttpServer.Request r) {
        if (down.get()) {
            return Reply.status(500);
        }
        int page = Integer.parseInt(r.param("page"));
        int size = Integer.parseInt(r.param("per_page"));
        if (page == 2 && failSecondPageOnce.getAndSet(false)) {
            return Reply.status(500);
        }
        String since = r.param("since");
        sinceSeen.add(since == null ? "" : since);
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode rec : recordings) {
            if (since == null || Instant.parse(rec.get("call_start").asString()).isAfter(Instant.parse(since))) {
                all.add(rec);
            }
        }
        if (all.size() >= 2) {
            all.add(all.get(1)); // the provider lists one recording twice (on a later page)
        }
        int pages = Math.max(1, (all.size() + size - 1) / size);
        ObjectNode body = json.createObjectNode();
        ArrayNode data = body.putArray("data");
        for (int i = (page - 1) * size; i < Math.min(all.size(), page * size); i++) {
            data.add(all.get(i));
        }
        body.putObject("meta").put("page", page).put("total_pages", pages);
        return Reply.json(200, json.writeValueAsString(body));
    }

    @Override
    public void close() {
        server.close();
    }
}
