package io.verbatim.voiceagents;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Lead scores through the real path: signed Vapi end-of-call reports, the pipeline's analysis, then the caller's score
 * with each factor's contribution; the "call back first" list (best first, booked and called-back callers off it);
 * role scope and another tenant.
 */
class LeadScoresIT extends PlatformTest {

    private static final String SECRET = "vapi-leads-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private String admin;
    private String assistantId;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        assistantId = "asst-" + UUID.randomUUID();
        var r = api.send("PUT", "/api/v1/credentials/vapi", admin, Map.of(), "{\"secret\":\"" + SECRET + "\"}");
        assertThat(r.status()).isIn(200, 201);
    }

    static String phone() {
        return "+16123" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    }

    private void report(String phone, String name, String structured, String... callerLines) {
        report(Instant.now().minusSeconds(120), phone, name, structured, callerLines);
    }

    private void report(Instant started, String phone, String name, String structured, String... callerLines) {
        StringBuilder messages = new StringBuilder("{\"role\":\"bot\",\"message\":\"Thanks for calling Rapid Plumbing, this is Max.\",\"secondsFromStart\":0.5}");
        double t = 3;
        for (String line : callerLines) {
            messages.append(",{\"role\":\"user\",\"message\":").append(api.json().writeValueAsString(line))
                    .append(",\"secondsFromStart\":").append(t).append("}");
            messages.append(",{\"role\":\"bot\",\"message\":\"I understand.\",\"secondsFromStart\":").append(t + 4).append("}");
            t += 8;
        }
        String body = """
                {"message":{"type":"end-of-call-report","endedReason":"customer-ended-call","cost":0.12,
                  "startedAt":"%s","endedAt":"%s","assistant":{"id":"%s","name":"Plumbing desk"},
                  "customer":{"number":"%s","name":"%s"},"call":{"id":"call-%s","type":"inboundPhoneCall"},
                  "analysis":{"summary":"A caller spoke with Max.","structuredData":%s,"successEvaluation":"true"},
                  "artifact":{"messages":[%s]}}}""".formatted(started, started.plusSeconds(60), assistantId, phone, name,
                UUID.randomUUID(), structured, messages);
        String ts = Long.toString(Instant.now().getEpochSecond());
        var r = api.send("POST", "/api/v1/webhooks/demo-tenant/vapi", null,
                Map.of("x-timestamp", ts, "x-signature", VoiceAgentCallsIT.hmacHex(SECRET, ts + "." + body)), body);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    }

    private JsonNode scoreOf(String token, String phone) {
        for (JsonNode s : api.get("/api/v1/lead-scores?limit=500", token).body().get("items")) {
            if (phone.equals(s.path("phone").asString(null))) {
                return s;
            }
        }
        return null;
    }

    private static JsonNode factor(JsonNode score, String name) {
        for (JsonNode f : score.get("factors")) {
            if (name.equals(f.get("factor").asString())) {
                return f;
            }
        }
        throw new AssertionError("no factor " + name + " in " + score);
    }

    private static int position(JsonNode list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (id.equals(list.get(i).get("id").asString())) {
                return i;
            }
        }
        return -1;
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out; last " + last);
    }

    @Test
    void callersAreScoredWithEveryFactorExplainedAndRankedForCallBack() throws Exception {
        String urgent = phone();
        String idle = phone();
        String booked = phone();
        report(urgent, "Dana Urgent", "{}", "Hi, my basement is flooding, I need someone today please.",
                "I have a budget of about $400 for the call-out.");
        report(idle, "Ian Idle", "{}", "Just wondering about your opening hours.");
        report(booked, "Bea Booked", "{\"booking_status\":\"booked\",\"service\":\"Estimate visit\"}",
                "Can you book me an estimate for Friday?");

        JsonNode u = await(() -> scoreOf(admin, urgent), s -> true);
        JsonNode i = await(() -> scoreOf(admin, idle), s -> true);
        JsonNode b = await(() -> scoreOf(admin, booked), s -> true);

        // Explainable: eight factors whose points add up to the score, each with its maximum; the urgency and budget
        // the caller said are cited from their own words in their call.
        assertThat(u.get("factors")).hasSize(8);
        int sum = 0;
        for (JsonNode f : u.get("factors")) {
            sum += f.get("points").asInt();
            assertThat(f.get("points").asInt()).isBetween(0, f.get("max").asInt());
        }
        assertThat(u.get("score").asInt()).isEqualTo(sum).isBetween(0, 100);
        assertThat(factor(u, "urgency").get("points").asInt()).isEqualTo(15);
        assertThat(factor(u, "urgency").get("quote").asString()).contains("flooding");
        assertThat(factor(u, "urgency").get("conversation_id").asString()).isEqualTo(u.get("last_conversation_id").asString());
        assertThat(factor(u, "budget").get("points").asInt()).isEqualTo(10);
        assertThat(factor(u, "recency").get("points").asInt()).isEqualTo(10);
        assertThat(factor(i, "urgency").get("points").asInt()).isZero();
        assertThat(factor(i, "budget").get("points").asInt()).isZero();
        assertThat(u.get("score").asInt()).isGreaterThan(i.get("score").asInt());
        assertThat(factor(b, "booked").get("points").asInt()).isEqualTo(10);
        assertThat(b.get("booked").asBoolean()).isTrue();
        assertThat(u.path("contact_card_id").asString(null)).isNotNull();
        assertThat(api.get("/api/v1/lead-scores/" + u.get("id").asString(), admin).body().get("score").asInt())
                .isEqualTo(u.get("score").asInt());
        JsonNode byContact = api.get("/api/v1/lead-scores?contact_card_id=" + u.get("contact_card_id").asString(), admin).body();
        assertThat(byContact.get("items")).hasSize(1);

        // Call back first: best score first; a caller who booked is not on it.
        JsonNode list = api.get("/api/v1/call-back-first?limit=500", admin).body().get("items");
        int pu = position(list, u.get("id").asString());
        int pi = position(list, i.get("id").asString());
        assertThat(pu).isGreaterThanOrEqualTo(0).isLessThan(pi);
        assertThat(position(list, b.get("id").asString())).isEqualTo(-1);
        for (int k = 1; k < list.size(); k++) {
            assertThat(list.get(k).get("score").asInt()).isLessThanOrEqualTo(list.get(k - 1).get("score").asInt());
        }

        // A second call of the same caller rescores them from both calls.
        report(idle, "Ian Idle", "{}", "Sorry, calling again, is it urgent to fix a leaking tap?");
        JsonNode again = await(() -> scoreOf(admin, idle), s -> s.get("calls").asInt() == 2);
        assertThat(factor(again, "urgency").get("points").asInt()).isEqualTo(15);
        assertThat(factor(again, "engagement").get("points").asInt()).isGreaterThanOrEqualTo(3);

        // Role scope: an executive reads but does not mark; an agent sees nothing; a manager marks a caller called back.
        String exec = api.token("exec@demo.local");
        String csr = api.token("csr1@demo.local");
        String manager = api.token("manager@demo.local");
        String uid = u.get("id").asString();
        assertThat(api.get("/api/v1/call-back-first", exec).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/lead-scores/" + uid, exec).status()).isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/lead-scores/" + uid + "/called-back", exec, Map.of(), "").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/call-back-first", csr).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/lead-scores", csr).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/lead-scores/" + uid, csr).status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/lead-scores/" + uid + "/called-back", csr, Map.of(), "").status()).isEqualTo(403);

        // Another tenant: not listed, not readable, not markable.
        String acme = api.token("admin@acme.local");
        assertThat(scoreOf(acme, urgent)).isNull();
        assertThat(position(api.get("/api/v1/call-back-first?limit=500", acme).body().get("items"), uid)).isEqualTo(-1);
        assertThat(api.get("/api/v1/lead-scores/" + uid, acme).status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/lead-scores/" + uid + "/called-back", acme, Map.of(), "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/lead-scores/" + uid, admin).body().path("called_back_at").asString(null)).isNull();

        // The voice-agent page lists them, best first, with the factors that gave points.
        ApiClient.Response html = api.send("GET", "/assistants", admin, Map.of("Accept", "text/html"), null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.raw()).contains("id=\"call-back\"").contains("data-id=\"" + uid + "\"").contains("urgency +15");
        assertThat(api.send("GET", "/assistants", csr, Map.of("Accept", "text/html"), null).status()).isIn(302, 403);

        ApiClient.Response marked = api.send("POST", "/api/v1/lead-scores/" + uid + "/called-back", manager, Map.of(), "");
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.body().path("called_back_at").asString(null)).isNotNull();
        assertThat(position(api.get("/api/v1/call-back-first?limit=500", admin).body().get("items"), uid)).isEqualTo(-1);

        // Calling again puts them back on the list.
        Thread.sleep(1_100);
        report(Instant.now().minusMillis(500), urgent, "Dana Urgent", "{}", "Me again, still flooding.");
        await(() -> api.get("/api/v1/call-back-first?limit=500", admin).body().get("items"), l -> position(l, uid) >= 0);
    }

    @Test
    void aContactMergeLeavesOneScoreFromAllTheCallersCalls() throws Exception {
        String first = phone();
        String second = phone();
        report(first, "Mel Merge", "{}", "Hello, I need a quote for a new boiler.");
        report(second, "Mel Merge", "{}", "Hi again, it's urgent, the heating is broken.");
        JsonNode a = await(() -> scoreOf(admin, first), s -> true);
        JsonNode b = await(() -> scoreOf(admin, second), s -> true);
        assertThat(factor(a, "urgency").get("points").asInt()).isZero();

        var merged = api.post("/api/v1/contacts/" + a.get("contact_card_id").asString() + "/merge", admin,
                "{\"duplicate_id\":\"" + b.get("contact_card_id").asString() + "\"}");
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);

        assertThat(api.get("/api/v1/lead-scores/" + b.get("id").asString(), admin).status()).isEqualTo(404);
        JsonNode after = api.get("/api/v1/lead-scores/" + a.get("id").asString(), admin).body();
        assertThat(after.get("calls").asInt()).isEqualTo(2);
        assertThat(factor(after, "urgency").get("points").asInt()).isEqualTo(15);
        assertThat(factor(after, "budget").get("points").asInt()).isEqualTo(10);
    }
}
