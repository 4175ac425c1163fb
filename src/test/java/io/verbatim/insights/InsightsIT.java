package io.verbatim.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ExplorerPages;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.WebFixture;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Dashboards and the explorer on analysed conversations from the real pipeline: the roll-ups agree with
 * the conversations they summarise (counted independently through the explorer), follow deletions,
 * and every figure is scoped by role and tenant.
 */
class InsightsIT extends PlatformTest {

    private Map<String, String> calls;
    private String admin;

    @BeforeEach
    void fixture() {
        calls = WebFixture.calls(api);
        admin = api.token("admin@demo.local");
    }

    /** Every conversation the explorer lists for a caller (all pages). */
    private List<JsonNode> explore(String token, String query) {
        return ExplorerPages.all(api, token, query, 7);
    }

    private static Set<String> ids(List<JsonNode> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    @Test
    void businessTotalsAgreeWithTheConversationsTheySummarise() {
        for (String who : List.of("admin@demo.local", "manager@demo.local", "csr1@demo.local")) {
            String token = api.token(who);
            var business = api.get("/api/v1/insights/business", token);
            assertThat(business.status()).as(business.raw()).isEqualTo(200);
            List<JsonNode> listed = explore(token, "");
            JsonNode totals = business.body().get("totals");
            assertThat(totals.get("conversations").asLong()).as(who).isEqualTo(listed.size());
            long negative = listed.stream().filter(r -> "negative".equals(r.path("customer_sentiment").asString(null))).count();
            assertThat(business.body().get("sentiment_mix").get("negative").asLong()).as(who).isEqualTo(negative);
            long failed = listed.stream().filter(r -> "failed".equals(r.get("status").asString())).count();
            assertThat(totals.get("failed").asLong()).as(who).isEqualTo(failed);
        }
    }

    @Test
    void explorerFiltersSortsAndSearchesTranscripts() {
        // fs_003 and fs_004 are rep1's field visits; the explorer finds them by channel and agent.
        String rep1 = userId("rep1@demo.local");
        Set<String> visits = ids(explore(admin, "channel=field_visit&agent=" + rep1 + "&q=web-fixture-never-said"));
        assertThat(visits).isEmpty();
        Set<String> field = ids(explore(admin, "channel=field_visit&agent=" + rep1));
        assertThat(field).contains(calls.get("fs_003"), calls.get("fs_004"));
        // Full text over the transcript: a word from sup_003's transcript, stemmed.
        String word = "stress"; // the transcript says "stressful": stemmed match
        Set<String> found = ids(explore(admin, "q=" + word));
        assertThat(found).contains(calls.get("sup_003"));
        // The page looks rare words up through the full-text index; the export checks every row: same calls.
        String csv = api.get("/api/v1/explorer/export.csv?q=" + word, admin).raw();
        assertThat(csv.strip().split("\r\n")).hasSize(found.size() + 1);
        found.forEach(id -> assertThat(csv).contains(id));
        // Another tenant's search never finds this tenant's call.
        assertThat(ids(explore(api.token("admin@acme.local"), "q=" + word))).doesNotContain(calls.get("sup_003"));
        // Sorting by score puts higher scores first, across pages.
        List<JsonNode> byScore = explore(admin, "sort=highest_score");
        for (int i = 1; i < byScore.size(); i++) {
            assertThat(byScore.get(i - 1).path("qa_score").asDouble(-1)).isGreaterThanOrEqualTo(byScore.get(i).path("qa_score").asDouble(-1));
        }
        var bad = api.get("/api/v1/explorer?sentiment=angry", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemType()).isEqualTo("urn:verbatim:problem:invalid-parameter");
        assertThat(api.get("/api/v1/explorer?cursor=bm90LWEtY3Vyc29y", admin).status()).isEqualTo(400);
    }

    @Test
    void everyFigureIsScopedByRoleAndTenant() {
        String csr1 = api.token("csr1@demo.local");
        String csr1Id = userId("csr1@demo.local");
        List<JsonNode> own = explore(csr1, "");
        assertThat(own).isNotEmpty().allSatisfy(r -> assertThat(r.get("agent_key").asString()).isEqualTo(csr1Id));
        assertThat(ids(own)).contains(calls.get("csr_002")).doesNotContain(calls.get("sup_003"));
        var ranking = api.get("/api/v1/insights/agents", csr1).body().get("agents");
        assertThat(ranking).hasSize(1);
        assertThat(ranking.get(0).get("agent_key").asString()).isEqualTo(csr1Id);
        assertThat(api.get("/api/v1/insights/agents/" + userId("csr2@demo.local"), csr1).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/insights/agents/me", csr1).status()).isEqualTo(200);

        String acme = api.token("admin@acme.local");
        Set<String> acmeIds = ids(explore(acme, ""));
        assertThat(acmeIds).contains(calls.get("acme:sup_005")).doesNotContain(calls.get("csr_002"), calls.get("fs_003"));
        assertThat(api.get("/api/v1/insights/agents/" + csr1Id, acme).status()).isEqualTo(404);
        var acmeAgents = api.get("/api/v1/insights/agents", acme).body().get("agents");
        acmeAgents.forEach(a -> assertThat(a.get("agent_key").asString()).isNotEqualTo(csr1Id));
        String csv = api.get("/api/v1/explorer/export.csv", acme).raw();
        assertThat(csv).contains(calls.get("acme:sup_005")).doesNotContain(calls.get("csr_002"));
        assertThat(api.get("/api/v1/insights/business", null).status()).isEqualTo(401);
    }

    @Test
    void csvExportHasTheFilteredSet() {
        var csv = api.get("/api/v1/explorer/export.csv?channel=field_visit", admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.raw().strip().split("\r\n");
        assertThat(lines[0]).contains("conversation_id,occurred_at,agent");
        assertThat(lines.length - 1).isEqualTo(explore(admin, "channel=field_visit").size());
        assertThat(csv.raw()).contains(calls.get("fs_003")).doesNotContain(calls.get("csr_002"));
    }

    @Test
    void rollUpsFollowDeletions() throws Exception {
        Uploads uploads = new Uploads(api);
        byte[] transcript = Files.readAllBytes(TestData.call("ms_003.json"));
        var r = uploads.upload(admin, new Uploads.Part("transcript", "ms_003.json", "application/json", transcript),
                Uploads.Part.json("metadata", "{\"source\":\"insights-it\",\"started_at\":\"2024-02-03T10:00:00Z\"}"));
        String id = r.body().get("id").asString();
        uploads.awaitStatus(admin, id, Duration.ofSeconds(120), "completed", "failed");
        String day = "from=2024-02-03&to=2024-02-03";
        long before = api.get("/api/v1/insights/business?" + day, admin).body().get("totals").get("conversations").asLong();
        assertThat(before).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/insights/qa?" + day, admin).body().get("scored").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.delete("/api/v1/conversations/" + id, admin).status()).isIn(200, 204);
        long after = api.get("/api/v1/insights/business?" + day, admin).body().get("totals").get("conversations").asLong();
        assertThat(after).isEqualTo(before - 1);
    }

    @Test
    void badPeriodsAreClearErrors() {
        var r = api.get("/api/v1/insights/business?from=2026-02-01&to=2026-01-01", admin);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemType()).isEqualTo("urn:verbatim:problem:invalid-period");
        assertThat(api.get("/api/v1/insights/qa?from=yesterday", admin).problemType())
                .isEqualTo("urn:verbatim:problem:invalid-parameter");
        assertThat(api.get("/api/v1/explorer?limit=many", admin).status()).isEqualTo(400);
    }

    private String userId(String email) {
        return api.get("/api/v1/auth/me", api.token(email)).body().get("user_id").asString();
    }
}
