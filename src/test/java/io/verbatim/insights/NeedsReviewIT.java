package io.verbatim.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.support.ExplorerPages;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ReviewFixture;
import io.verbatim.support.WebFixture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * "Needs review" through the API: the explorer's filter returns exactly the calls whose stored judgments are
 * below the review threshold (as the analysis API reports them), for each role's scope and never across
 * tenants; the CSV and the Business Overview count the same calls; V18's backfill reads the stored record.
 */
class NeedsReviewIT extends PlatformTest {

    private static final double REVIEW_BELOW = 0.6;

    @Autowired
    ConversationAnalyses analyses;

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

    private Map<String, String> calls;
    private Map<String, List<String>> lowered;

    @BeforeEach
    void fixture() {
        calls = WebFixture.calls(api);
        lowered = ReviewFixture.marked(api, analyses);
    }

    /** Every conversation the explorer lists for a caller (all pages). */
    private List<JsonNode> explore(String token, String query) {
        return ExplorerPages.all(api, token, query, 9);
    }

    private static Set<String> ids(List<JsonNode> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    /** The fields whose stored judgment is below the threshold, read from the analysis API (null: not analysed). */
    private Set<String> lowFields(String token, String id) {
        var r = api.get("/api/v1/conversations/" + id + "/analysis", token);
        if (r.status() == 404) {
            return null;
        }
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        // The judgment that stands for a field: the LLM's where one was made (an LLM-analysed call elsewhere in the
        // suite), else the built-in one; a field needs review when that one is low.
        // Each judgment's own low_confidence flag, not its printed confidence: that is rounded to three decimals,
        // so a confidence of 0.5996 prints as 0.6 and is still low.
        Map<String, Boolean> standing = new LinkedHashMap<>();
        Set<String> byLlm = new HashSet<>();
        r.body().get("call").path("judgments").forEach(j -> {
            String field = j.get("field").asString();
            boolean llm = "llm".equals(j.path("source").asString());
            if (llm || !byLlm.contains(field)) {
                double printed = j.get("confidence").asDouble();
                assertThat(j.get("low_confidence").asBoolean() ? printed <= REVIEW_BELOW : printed >= REVIEW_BELOW)
                        .as(field + " " + printed).isTrue();
                standing.put(field, j.get("low_confidence").asBoolean());
            }
            if (llm) {
                byLlm.add(field);
            }
        });
        Set<String> low = new LinkedHashSet<>();
        standing.forEach((field, isLow) -> {
            if (isLow) {
                low.add(field);
            }
        });
        return low;
    }

    @Test
    void theFilterReturnsExactlyTheCallsWithLowJudgmentsInEachRolesScope() {
        for (String who : List.of("admin@demo.local", "manager@demo.local", "csr1@demo.local")) {
            String token = api.token(who);
            Map<String, Set<String>> expected = new LinkedHashMap<>();
            Set<String> analysed = new HashSet<>();
            for (JsonNode row : explore(token, "")) {
                String id = row.get("id").asString();
                Set<String> low = lowFields(token, id);
                if (low != null) {
                    analysed.add(id);
                    if (!low.isEmpty()) {
                        expected.put(id, low);
                    }
                }
            }
            List<JsonNode> flagged = explore(token, "needs_review=true");
            assertThat(ids(flagged)).as(who).isEqualTo(expected.keySet());
            // Each row says which judgments: the same fields the analysis reports.
            flagged.forEach(r -> assertThat(new LinkedHashSet<>(strings(r.get("needs_review"))))
                    .as(who + " " + r.get("id")).isEqualTo(expected.get(r.get("id").asString())));
            // The rest of the analysed calls are the "false" side.
            Set<String> sure = ids(explore(token, "needs_review=false"));
            assertThat(sure).as(who).doesNotContainAnyElementsOf(expected.keySet());
            Set<String> both = new HashSet<>(sure);
            both.addAll(expected.keySet());
            assertThat(both).as(who).isEqualTo(analysed);
        }
        // The marked calls, each in the scope of whoever sees it.
        String admin = api.token("admin@demo.local");
        assertThat(ids(explore(admin, "needs_review=true")))
                .contains(calls.get("csr_002"), calls.get("sup_003"), calls.get("fs_003"), calls.get("va_002"));
        Set<String> own = ids(explore(api.token("csr1@demo.local"), "needs_review=true"));
        assertThat(own).contains(calls.get("csr_002")).doesNotContain(calls.get("sup_003"), calls.get("fs_003"),
                calls.get("va_002"));
        Set<String> team = ids(explore(api.token("manager@demo.local"), "needs_review=true"));
        assertThat(team).contains(calls.get("csr_002"), calls.get("va_002")).doesNotContain(calls.get("fs_003"));
    }

    @Test
    void reviewFieldNarrowsToOneJudgment() {
        String admin = api.token("admin@demo.local");
        String field = lowered.get("csr_002").getFirst();
        List<JsonNode> rows = explore(admin, "review_field=" + field);
        assertThat(ids(rows)).contains(calls.get("csr_002"));
        rows.forEach(r -> assertThat(strings(r.get("needs_review"))).contains(field));
        assertThat(explore(admin, "review_field=no.such.judgment")).isEmpty();
        var bad = api.get("/api/v1/explorer?needs_review=maybe", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemType()).isEqualTo("urn:verbatim:problem:invalid-parameter");
    }

    @Test
    void anotherTenantSeesNoneOfTheseCalls() {
        String acme = api.token("admin@acme.local");
        Set<String> acmeFlagged = ids(explore(acme, "needs_review=true"));
        assertThat(acmeFlagged).contains(calls.get("acme:ms_002"));
        calls.forEach((name, id) -> {
            if (!name.startsWith("acme:")) {
                assertThat(acmeFlagged).doesNotContain(id);
            }
        });
        assertThat(ids(explore(api.token("admin@demo.local"), "needs_review=true"))).doesNotContain(calls.get("acme:ms_002"));
        String field = lowered.get("csr_002").getFirst();
        assertThat(ids(explore(acme, "review_field=" + field))).doesNotContain(calls.get("csr_002"));
        assertThat(api.get("/api/v1/explorer/export.csv?needs_review=true", acme).raw()).doesNotContain(calls.get("csr_002"));
    }

    @Test
    void csvAndBusinessOverviewCountTheSameCalls() {
        for (String who : List.of("admin@demo.local", "manager@demo.local", "csr1@demo.local")) {
            String token = api.token(who);
            Set<String> flagged = ids(explore(token, "needs_review=true"));
            String[] lines = api.get("/api/v1/explorer/export.csv?needs_review=true", token).raw().strip().split("\r\n");
            assertThat(lines[0]).endsWith(",needs_review");
            assertThat(lines.length - 1).as(who).isEqualTo(flagged.size());
            var totals = api.get("/api/v1/insights/business", token).body().get("totals");
            assertThat(totals.get("needs_review").asLong()).as(who).isEqualTo(flagged.size());
            long analysed = totals.get("analysed").asLong();
            assertThat(totals.get("needs_review_share").asDouble()).as(who).isCloseTo((double) flagged.size() / analysed,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        String csv = api.get("/api/v1/explorer/export.csv?needs_review=true", api.token("admin@demo.local")).raw();
        String line = csv.lines().filter(l -> l.startsWith(calls.get("csr_002"))).findFirst().orElseThrow();
        lowered.get("csr_002").forEach(f -> assertThat(line).contains(f));
    }

    @Test
    void theAnalysisApiAndItsDocumentCarryTheConfidences() {
        String admin = api.token("admin@demo.local");
        JsonNode call = api.get("/api/v1/conversations/" + calls.get("csr_002") + "/analysis", admin).body().get("call");
        assertThat(call.get("judgments")).isNotEmpty().allSatisfy(j -> {
            assertThat(j.has("field") && j.has("value") && j.has("source")).isTrue();
            assertThat(j.get("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(j.get("low_confidence").asBoolean()).isEqualTo(j.get("confidence").asDouble() < REVIEW_BELOW);
        });
        assertThat(strings(call.get("needs_review"))).containsAll(lowered.get("csr_002"));
        String doc = api.get("/v3/api-docs", null).raw();
        assertThat(doc).contains("needs_review", "review_field", "low_confidence");
    }

    @Test
    void theMigrationBackfillReadsTheStoredRecord() throws Exception {
        // V18's backfill statement, run again over a row whose column was cleared: it comes back from the JSON.
        JdbcClient db = JdbcClient.create(owner);
        String id = calls.get("sup_003");
        db.sql("UPDATE analyses SET needs_review = '{}' WHERE conversation_id = CAST(? AS uuid)").param(id).update();
        String migration = new ClassPathResource("db/migration/V18__needs_review.sql").getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.indexOf("UPDATE analyses"));
        db.sql(backfill.strip().replaceAll(";$", "") + " AND conversation_id = CAST(:id AS uuid)").param("id", id).update();
        List<String> stored = db.sql("SELECT unnest(needs_review) FROM analyses WHERE conversation_id = CAST(? AS uuid)")
                .param(id).query(String.class).list();
        assertThat(stored).containsAll(lowered.get("sup_003"));
        assertThat(ids(explore(api.token("admin@demo.local"), "needs_review=true"))).contains(id);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
