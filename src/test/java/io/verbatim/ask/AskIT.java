package io.verbatim.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ask through the API on the real pipeline: conversations imported for different agents, teams and
 * tenants are indexed by the {@code indexed} stage, and every answer cites only what the caller may see.
 */
class AskIT extends PlatformTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    /** Tags this class's conversations so counts are exact whatever else the shared database holds. */
    private static final String TAG = "ask-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Map<String, String> IDS = new ConcurrentHashMap<>();
    private static final Instant NOW = Instant.now();


    private final JsonMapper json = JsonMapper.builder().build();
    private Uploads uploads;
    private String admin;

    @BeforeEach
    void setUp() throws Exception {
        uploads = new Uploads(api);
        admin = api.token("admin@demo.local");
        synchronized (IDS) {
            if (IDS.isEmpty()) {
                importAll();
            }
        }
    }

    private void importAll() throws Exception {
        Map<String, String> started = new java.util.LinkedHashMap<>();
        IDS.put("csr_002", upload(admin, "csr_002", "csr1@demo.local", 2));
        IDS.put("sup_005", upload(admin, "sup_005", "csr1@demo.local", 3));
        IDS.put("fs_007", upload(admin, "fs_007", "csr2@demo.local", 4));
        IDS.put("sup_003", upload(admin, "sup_003", "csr2@demo.local", 40));
        IDS.put("fs_003", upload(admin, "fs_003", "rep1@demo.local", 5));
        IDS.put("va_004", upload(admin, "va_004", "", 6));
        IDS.put("acme:sup_002", upload(api.token("admin@acme.local"), "sup_002", "", 2));
        IDS.put("acme:sup_003", upload(api.token("admin@acme.local"), "sup_003", "", 2));
        for (var e : IDS.entrySet()) {
            String token = e.getKey().startsWith("acme:") ? api.token("admin@acme.local") : admin;
            JsonNode done = uploads.awaitStatus(token, e.getValue(), WAIT, "completed", "failed");
            assertThat(done.get("status").asString()).as(e.getKey() + " " + done).isEqualTo("completed");
        }
        // Every conversation went through the real analyst (enriched, analysed) before being indexed.
        started.clear();
    }

    private String upload(String token, String call, String agent, int daysAgo) throws Exception {
        byte[] transcript = Files.readAllBytes(TestData.call(call + ".json"));
        String metadata = """
                {"external_id":"%s","source":"ask-it","direction":"inbound","channel":"phone","agent":"%s",
                 "started_at":"%s","tags":["%s"]}""".formatted(TAG + "-" + call, agent,
                NOW.minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), TAG);
        var r = uploads.upload(token, new Part("transcript", call + ".json", "application/json", transcript),
                Part.json("metadata", metadata));
        assertThat(r.status()).as(r.raw()).isIn(200, 202);
        return r.body().get("id").asString();
    }


    private ApiClient.Response ask(String token, String body) {
        return api.post("/api/v1/ask", token, body);
    }

    private ApiClient.Response ask(String token, String question, String scope) {
        return ask(token, """
                {"question":%s%s,"filters":{"tags":["%s"]}}""".formatted(json.writeValueAsString(question),
                scope == null ? "" : ",\"scope\":\"" + scope + "\"", TAG));
    }

    private static List<String> cited(ApiClient.Response r) {
        List<String> ids = new ArrayList<>();
        r.body().get("citations").forEach(c -> ids.add(c.get("conversation_id").asString()));
        return ids;
    }

    /** Every cited conversation's agent, as the admin sees it. */
    private Set<String> agentsOf(List<String> conversations) {
        Set<String> agents = new HashSet<>();
        for (String id : conversations) {
            JsonNode agent = api.get("/api/v1/conversations/" + id, admin).body().get("conversation").get("agent");
            agents.add(agent == null || agent.get("user_id") == null ? "none" : agent.get("user_id").asString());
        }
        return agents;
    }

    private String userId(String email) {
        return api.get("/api/v1/auth/me", api.token(email)).body().get("user_id").asString();
    }

    @Test
    void anAgentIsAnsweredFromTheirOwnCallsOnlyAndCannotWidenTheScope() {
        String csr1 = api.token("csr1@demo.local");
        var price = ask(csr1, "How much does a new AC system cost?", null);
        assertThat(price.status()).as(price.raw()).isEqualTo(200);
        assertThat(price.body().get("used_llm").asBoolean()).isFalse();
        assertThat(price.body().get("scope").asString()).isEqualTo("self");
        assertThat(cited(price)).first().isEqualTo(IDS.get("csr_002"));
        assertThat(price.body().get("answer").asString()).contains("speak").contains("“");
        JsonNode first = price.body().get("citations").get(0);
        assertThat(first.get("turn").asInt()).isBetween(0, 23);
        assertThat(first.get("start").isNumber()).isTrue();
        assertThat(first.get("quote").asString()).isNotBlank();

        // Another agent's call (csr2's lost card), a rep's and an unassigned one are never cited.
        for (String q : List.of("I lost my debit card and there is a fuel charge I did not make",
                "solar panels battery backup power quote", "does the clinic accept my marketplace insurance plan")) {
            var r = ask(csr1, q, "self");
            assertThat(r.status()).isEqualTo(200);
            assertThat(agentsOf(cited(r))).as(q).isSubsetOf(Set.of(userId("csr1@demo.local")));
        }
        var wider = ask(csr1, "What do customers say about price?", "team");
        assertThat(wider.status()).isEqualTo(403);
        assertThat(wider.problemType()).isEqualTo("urn:verbatim:problem:scope-not-allowed");
        assertThat(ask(csr1, "What do customers say about price?", "company").status()).isEqualTo(403);
    }

    @Test
    void aManagerIsAnsweredFromTheTeamAndUnassignedCalls() {
        String manager = api.token("manager@demo.local");
        var solar = ask(manager, "solar panels battery backup power quote from SunRidge", null);
        assertThat(solar.status()).isEqualTo(200);
        assertThat(solar.body().get("scope").asString()).isEqualTo("team");
        assertThat(cited(solar)).isNotEmpty().doesNotContain(IDS.get("fs_003"));
        assertThat(agentsOf(cited(solar))).doesNotContain(userId("rep1@demo.local"));
        var insurance = ask(manager, "does the clinic accept my marketplace insurance plan", "team");
        assertThat(cited(insurance)).first().as("unassigned calls are in a manager's scope").isEqualTo(IDS.get("va_004"));
        assertThat(ask(manager, "solar", "company").status()).isEqualTo(403);
        var self = ask(manager, "solar", "self");
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.body().get("citations")).isEmpty();
    }

    @Test
    void anAdminSeesTheWholeTenantAndNeverAnotherTenant() {
        var solar = ask(admin, "The rep said SunRidge uses cheap panels", null);
        assertThat(solar.body().get("scope").asString()).isEqualTo("company");
        assertThat(cited(solar)).first().isEqualTo(IDS.get("fs_003"));
        var billing = ask(admin, "estimated meter read made the electric bill too high", null);
        assertThat(cited(billing)).doesNotContain(IDS.get("acme:sup_002"), IDS.get("acme:sup_003"));

        String acme = api.token("admin@acme.local");
        var acmeCard = ask(acme, "I lost my debit card", null);
        assertThat(cited(acmeCard)).isNotEmpty().containsOnly(IDS.get("acme:sup_003"));
        var acmeSolar = ask(acme, "solar panels battery backup power quote", null);
        assertThat(cited(acmeSolar)).allMatch(id -> id.equals(IDS.get("acme:sup_002")) || id.equals(IDS.get("acme:sup_003")));
        // Without the tag filter too: acme's answers come only from acme's index.
        var unfiltered = ask(acme, "{\"question\":\"heat pump oil furnace rebate\"}");
        for (String id : cited(unfiltered)) {
            assertThat(api.get("/api/v1/conversations/" + id, acme).status()).isEqualTo(200);
        }
        assertThat(cited(unfiltered)).doesNotContain(IDS.get("fs_007"));
    }

    @Test
    void aQuestionAboutOneConversationCitesOnlyThatConversationAndOnlyIfTheCallerMaySeeIt() {
        String csr002 = IDS.get("csr_002");
        var r = ask(admin, "{\"question\":\"How much is the diagnostic visit?\",\"conversation_id\":\"%s\"}".formatted(csr002));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(cited(r)).isNotEmpty().containsOnly(csr002);
        assertThat(r.body().get("answer").asString()).contains("eighty-nine dollars");
        assertThat(r.body().get("citations").get(0).get("turn").asInt()).isEqualTo(12);

        String csr2 = api.token("csr2@demo.local");
        var other = ask(csr2, "{\"question\":\"How much?\",\"conversation_id\":\"%s\"}".formatted(csr002));
        assertThat(other.status()).isEqualTo(404);
        String acme = api.token("admin@acme.local");
        assertThat(ask(acme, "{\"question\":\"How much?\",\"conversation_id\":\"%s\"}".formatted(csr002)).status()).isEqualTo(404);

        // call_id is the same parameter under the name, with the same scope.
        var byCall = ask(admin, "{\"question\":\"How much is the diagnostic visit?\",\"call_id\":\"%s\"}".formatted(csr002));
        assertThat(byCall.status()).as(byCall.raw()).isEqualTo(200);
        assertThat(cited(byCall)).isNotEmpty().containsOnly(csr002);
        assertThat(ask(csr2, "{\"question\":\"How much?\",\"call_id\":\"%s\"}".formatted(csr002)).status()).isEqualTo(404);
        assertThat(ask(acme, "{\"question\":\"How much?\",\"call_id\":\"%s\"}".formatted(csr002)).status()).isEqualTo(404);
        assertThat(ask(admin, "{\"question\":\"x\",\"call_id\":\"%s\",\"conversation_id\":\"%s\"}"
                .formatted(csr002, IDS.get("sup_003"))).status()).isEqualTo(400);
    }

    @Test
    void countsComeFromTheAnalysisAndCiteTheMatchingMoments() {
        // The expected answers are read from the stored analyses (the analyst's judgments are measured elsewhere):
        // what is tested here is that Ask counts and cites exactly what the analysis holds, in the caller's scope.
        List<String> recent = List.of("csr_002", "sup_005", "fs_007", "fs_003", "va_004"); // sup_003 is 40 days old
        Set<String> price = withObjection(recent, "price");
        var r = ask(admin, "How many calls in the last 7 days had a price objection?", null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("kind").asString()).isEqualTo("count");
        assertThat(r.body().get("answer").asString()).startsWith(calls(price.size()) + " in the last 7 days had a price objection");
        assertThat(cited(r)).containsExactlyInAnyOrderElementsOf(price);
        for (JsonNode c : r.body().get("citations")) {
            String id = c.get("conversation_id").asString();
            assertThat(objectionTurns(id, "price")).as(id).contains(c.get("turn").asInt());
            assertThat(c.get("quote").asString()).isNotBlank();
        }

        List<String> all = List.of("csr_002", "sup_005", "fs_007", "fs_003", "va_004", "sup_003");
        var competitor = ask(admin, "How many calls mention a competitor?", null);
        assertThat(competitor.body().get("answer").asString())
                .startsWith(calls(withObjection(all, "competitor").size()) + " had a competitor objection");
        var trend = ask(admin, "What is the trend of price objections per day in the last 7 days?", null);
        assertThat(trend.body().get("answer").asString()).contains("By day:");

        String csr1 = api.token("csr1@demo.local");
        Set<String> own = withObjection(List.of("csr_002", "sup_005"), "price");
        var mine = ask(csr1, "How many calls in the last 7 days had a price objection?", null);
        assertThat(mine.body().get("answer").asString()).startsWith(calls(own.size()) + " in the last 7 days had a price objection");
        assertThat(cited(mine)).containsExactlyInAnyOrderElementsOf(own);

        Set<String> csr2Competitor = withObjection(List.of("fs_007", "sup_003"), "competitor");
        var filtered = ask(admin, """
                {"question":"how many calls had an objection","filters":{"tags":["%s"],"objections":["competitor"],"agent":"csr2@demo.local"}}"""
                .formatted(TAG));
        assertThat(filtered.body().get("answer").asString()).startsWith(calls(csr2Competitor.size()) + " had an objection");
        assertThat(cited(filtered)).containsExactlyInAnyOrderElementsOf(csr2Competitor);
    }

    private static String calls(int n) {
        return n == 1 ? "1 call" : n + " calls";
    }

    /** The ids (of the given calls) whose stored analysis has an objection of this category. */
    private Set<String> withObjection(List<String> calls, String category) {
        Set<String> out = new HashSet<>();
        for (String call : calls) {
            if (!objectionTurns(IDS.get(call), category).isEmpty()) {
                out.add(IDS.get(call));
            }
        }
        return out;
    }

    /** The turns of a conversation's stored objections of this category (its flat call record). */
    private Set<Integer> objectionTurns(String conversation, String category) {
        Set<Integer> turns = new HashSet<>();
        JsonNode call = api.get("/api/v1/conversations/" + conversation + "/analysis", admin).body().get("call");
        call.path("objections").forEach(o -> {
            if (o.path("category").asString("").equals(category)) {
                turns.add(o.path("turn").asInt());
            }
        });
        return turns;
    }

    @Test
    void aCountAboutATopicIsAnsweredFromTheCallReasons() {
        var r = ask(admin, "How many calls mention a debit card?", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("kind").asString()).isEqualTo("count");
        assertThat(r.body().get("answer").asString()).startsWith("1 call");
        assertThat(cited(r)).containsExactly(IDS.get("sup_003"));
    }

    @Test
    void searchFiltersNarrowTheAnswer() {
        var r = ask(admin, """
                {"question":"price of the new system","filters":{"tags":["%s"],"objections":["competitor"],"channel":"phone"}}"""
                .formatted(TAG));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(cited(r)).isNotEmpty().allMatch(id -> id.equals(IDS.get("sup_005")) || id.equals(IDS.get("fs_007"))
                || id.equals(IDS.get("fs_003")));
        var period = ask(admin, """
                {"question":"lost debit card","filters":{"tags":["%s"],"from":"%s"}}""".formatted(TAG,
                NOW.minus(10, ChronoUnit.DAYS).toString()));
        assertThat(cited(period)).doesNotContain(IDS.get("sup_003"));
        var bad = ask(admin, "{\"question\":\"x\",\"filters\":{\"from\":\"yesterday\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemType()).isEqualTo("urn:verbatim:problem:invalid-filter");
        assertThat(ask(admin, "{\"question\":\"x\",\"filters\":{\"channel\":\"carrier-pigeon\"}}").status()).isEqualTo(400);
    }

    @Test
    void badRequestsAreProblems() {
        assertThat(ask(admin, "{\"question\":\"  \"}").problemType()).isEqualTo("urn:verbatim:problem:validation");
        assertThat(ask(admin, "{\"question\":\"x\",\"scope\":\"galaxy\"}").problemType()).isEqualTo("urn:verbatim:problem:invalid-scope");
        assertThat(ask(admin, "{\"question\":\"x\",\"conversation_id\":\"nope\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/ask", null, "{\"question\":\"x\"}").status()).isEqualTo(401);
    }

    @Test
    void deletingAConversationRemovesItFromAnswers() throws Exception {
        String id = upload(admin, "csr_003", "csr1@demo.local", 1);
        assertThat(uploads.awaitStatus(admin, id, WAIT, "completed", "failed").get("status").asString()).isEqualTo("completed");
        var before = ask(admin, "Do you pump septic tanks?", null);
        assertThat(cited(before)).first().isEqualTo(id);
        assertThat(api.delete("/api/v1/conversations/" + id, admin).status()).isEqualTo(204);
        var after = ask(admin, "Do you pump septic tanks?", null);
        assertThat(cited(after)).doesNotContain(id);
    }

    @Test
    void anAdminRebuildsTheTenantsIndexFromTheDatabase() throws Exception {
        assertThat(api.post("/api/v1/ask/reindex", api.token("manager@demo.local"), "").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/ask/reindex", api.token("csr1@demo.local"), "").status()).isEqualTo(403);
        var started = api.post("/api/v1/ask/reindex", admin, "");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.body().get("tenant").asString()).isEqualTo("demo-tenant");
        JsonNode status = awaitRebuild(admin);
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("completed");
        assertThat(status.get("conversations").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(status.get("processed").asInt()).isEqualTo(status.get("total").asInt());
        // Answers are the same after the rebuild, analysis filters included.
        assertThat(cited(ask(admin, "The rep said SunRidge uses cheap panels", null))).first().isEqualTo(IDS.get("fs_003"));
        var competitor = ask(admin, """
                {"question":"price","filters":{"tags":["%s"],"objections":["competitor"]}}""".formatted(TAG));
        // Every call the filter admits has a competitor objection (fs_003 too, as in searchFiltersNarrowTheAnswer): which of
        // them is near enough to "price" is ranking, not filtering (the exact vector search over a small filter finds fs_003).
        assertThat(cited(competitor)).isNotEmpty().allMatch(id -> id.equals(IDS.get("sup_005")) || id.equals(IDS.get("fs_007"))
                || id.equals(IDS.get("fs_003")));

        String acme = api.token("admin@acme.local");
        assertThat(api.post("/api/v1/ask/reindex", acme, "").status()).isEqualTo(202);
        JsonNode acmeStatus = awaitRebuild(acme);
        assertThat(acmeStatus.get("tenant").asString()).isEqualTo("acme");
        assertThat(acmeStatus.get("total").asInt()).isEqualTo(countConversations(acme));
        assertThat(cited(ask(acme, "I lost my debit card", null))).containsOnly(IDS.get("acme:sup_003"));
    }

    private int countConversations(String token) {
        return api.get("/api/v1/conversations?limit=500", token).body().get("items").size();
    }

    private JsonNode awaitRebuild(String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            status = api.get("/api/v1/ask/reindex", token).body();
            if (!status.get("state").asString().equals("running")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("rebuild did not finish: " + status);
    }
}
