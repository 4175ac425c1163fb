package io.verbatim.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ExplorerPages;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V48's scoped shapes: a manager's word looked up in the unassigned calls' own full-text index (the fixture's words
 * are rare, so the test turns the tenant-wide look-up off, as a common word at a million calls would), the unassigned
 * labels' partial index, auto-failed calls as a label, and the length sorts inside a team or an agent's calls. Each lists exactly what the CSV
 * export lists by checking every row, in the same order across cursors; the transcripts' unassigned flag follows the
 * call into and out of a team; an agent and another tenant never see these calls.
 */
class ExplorerScopeIT extends PlatformTest {

    @Autowired
    DataSource app;

    @Autowired
    CallsExplorer explorer;

    private Map<String, String> calls;

    @BeforeEach
    void walkEvenRareWords() {
        calls = WebFixture.calls(api);
        explorer.rareText = 0;
    }

    @AfterEach
    void restore() {
        explorer.rareText = CallsExplorer.RARE_TEXT;
        explorer.transcriptCheckCost = CallsExplorer.TRANSCRIPT_CHECK_COST;
    }

    private List<String> ids(String token, String query) {
        return ExplorerPages.all(api, token, query, 2).stream().map(r -> r.get("id").asString()).toList();
    }

    private List<String> exported(String token, String query) {
        String[] lines = api.get("/api/v1/explorer/export.csv?" + query, token).raw().strip().split("\r\n");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            ids.add(lines[i].replace("\uFEFF", "").split(",", 2)[0]);
        }
        return ids;
    }

    /** Words the unassigned voice-agent call's transcript matches (as the search stems them). */
    private List<String> wordsOf(String call) throws Exception {
        return column("""
                SELECT l FROM transcripts t, unnest(t.search) u(l, p, w) WHERE t.conversation_id = CAST(? AS uuid)
                AND l ~ '^[a-z]{4,}$' AND t.search @@ websearch_to_tsquery('english', l) ORDER BY length(l) DESC, l LIMIT 3""",
                "demo-tenant", call);
    }

    @Test
    void aManagersWordFindsTheUnassignedCallsThroughTheirOwnIndex() throws Exception {
        String unassigned = calls.get("va_002");
        assertThat(column("SELECT unassigned::text FROM transcripts WHERE conversation_id = CAST(? AS uuid)", "demo-tenant",
                unassigned)).as("written for a call of no team").containsExactly("true");
        assertThat(column("SELECT unassigned::text FROM transcripts WHERE conversation_id = CAST(? AS uuid)", "demo-tenant",
                calls.get("csr_002"))).as("a team's call").containsExactly("false");
        List<String> words = wordsOf(unassigned);
        assertThat(words).as("the unassigned call has a transcript with words").isNotEmpty();
        String manager = api.token("manager@demo.local");
        String admin = api.token("admin@demo.local");
        for (String word : words) {
            // The unassigned branch collected through its own index (as a word rare there), then walked (common there).
            for (double checkCost : new double[] {1e9, 0}) {
                explorer.transcriptCheckCost = checkCost;
                for (String query : List.of("q=" + word, "q=" + word + "&sort=oldest", "q=" + word + "&direction=inbound")) {
                    assertThat(ids(manager, query)).as("manager " + query + ", cost " + checkCost).isEqualTo(exported(manager, query));
                }
                assertThat(ids(manager, "q=" + word)).contains(unassigned);
            }
            explorer.transcriptCheckCost = 1e9;
            assertThat(ids(api.token("csr1@demo.local"), "q=" + word)).as("an agent's own calls only").doesNotContain(unassigned);
            assertThat(ids(api.token("admin@acme.local"), "q=" + word)).as("another tenant").doesNotContain(unassigned);
        }
        String word = words.getFirst();
        String managerTeam = api.get("/api/v1/auth/me", manager).body().get("team_id").asString();
        String otherTeam = column("SELECT id::text FROM teams WHERE id <> CAST(? AS uuid) LIMIT 1", "demo-tenant", managerTeam)
                .getFirst();
        try {
            update("UPDATE conversations SET team_id = CAST('" + otherTeam + "' AS uuid) WHERE id = CAST(? AS uuid)", unassigned);
            assertThat(column("SELECT unassigned::text FROM transcripts WHERE conversation_id = CAST(? AS uuid)", "demo-tenant",
                    unassigned)).as("moved into a team").containsExactly("false");
            assertThat(ids(manager, "q=" + word)).as("now another team's call").doesNotContain(unassigned);
            assertThat(ids(admin, "q=" + word)).contains(unassigned);
            update("UPDATE conversations SET team_id = NULL WHERE id = CAST(? AS uuid)", unassigned);
            assertThat(ids(manager, "q=" + word)).as("unassigned again").contains(unassigned);
        } finally {
            update("UPDATE conversations SET team_id = NULL WHERE id = CAST(? AS uuid)", unassigned);
        }
    }

    @Test
    void theUnassignedLookUpAnswersOnlyForTheTransactionsTenant() throws Exception {
        String unassigned = calls.get("va_002");
        String word = wordsOf(unassigned).getFirst();
        String sql = "SELECT verbatim_unassigned_transcript_matches(?)::text";
        assertThat(column(sql, "demo-tenant", word)).contains(unassigned);
        assertThat(column(sql, "acme", word)).doesNotContain(unassigned);
        assertThat(column(sql, "", word)).as("no tenant set: nothing, as the policy").isEmpty();
    }

    @Test
    void anUnassignedCallsLabelIsInTheManagersLabelWalk() throws Exception {
        explorer.rareAnalyses = 0; // the label walk, as a common tracker at a million calls
        String call = column("SELECT min(a.conversation_id::text) FROM analyses a JOIN conversations c ON c.id = a.conversation_id"
                + " WHERE c.team_id IS NOT NULL AND c.id = ANY(CAST(string_to_array(?, ',') AS uuid[]))", "demo-tenant",
                String.join(",", calls.values())).getFirst();
        String team = column("SELECT team_id::text FROM conversations WHERE id = CAST(? AS uuid)", "demo-tenant", call).getFirst();
        String manager = api.token("manager@demo.local");
        try {
            update("UPDATE analyses SET trackers = array_append(trackers, 'unassigned_check') WHERE conversation_id = CAST(? AS uuid)", call);
            update("UPDATE conversations SET team_id = NULL WHERE id = CAST(? AS uuid)", call);
            assertThat(ids(manager, "tracker=unassigned_check")).containsExactly(call);
            assertThat(ids(manager, "tracker=unassigned_check&sort=oldest")).containsExactly(call);
            assertThat(ids(api.token("admin@acme.local"), "tracker=unassigned_check")).as("another tenant").isEmpty();
        } finally {
            explorer.rareAnalyses = CallsExplorer.RARE_ANALYSES;
            update("UPDATE analyses SET trackers = array_remove(trackers, 'unassigned_check') WHERE conversation_id = CAST(? AS uuid)", call);
            update("UPDATE conversations SET team_id = CAST('" + team + "' AS uuid) WHERE id = CAST(? AS uuid)", call);
        }
    }

    @Test
    void autoFailedCallsAreWalkedAsALabelForEveryRole() throws Exception {
        explorer.rareAnalyses = 0; // the label walk, as 22,600 auto-failed calls at a million would take
        String call = column("SELECT min(a.conversation_id::text) FROM analyses a JOIN conversations c ON c.id = a.conversation_id"
                + " WHERE c.agent_user_id IS NOT NULL AND NOT a.auto_failed AND c.id = ANY(CAST(string_to_array(?, ',') AS uuid[]))",
                "demo-tenant", String.join(",", calls.values())).getFirst();
        String agentEmail = column("SELECT u.email FROM users u JOIN conversations c ON c.agent_user_id = u.id"
                + " WHERE c.id = CAST(? AS uuid)", "demo-tenant", call).getFirst();
        try {
            update("UPDATE analyses SET auto_failed = true WHERE conversation_id = CAST(? AS uuid)", call);
            assertThat(column("SELECT count(*)::text FROM conversation_labels WHERE conversation_id = CAST(? AS uuid)"
                    + " AND kind = 'flag' AND value = 'auto_failed'", "demo-tenant", call)).containsExactly("1");
            for (String who : List.of("admin@demo.local", "manager@demo.local", agentEmail, "csr2@demo.local")) {
                String token = api.token(who);
                for (String query : List.of("auto_failed=true", "auto_failed=true&sort=oldest", "auto_failed=true&direction=inbound",
                        "auto_failed=true&sort=longest")) {
                    assertThat(ids(token, query)).as(who + " " + query).isEqualTo(exported(token, query));
                }
            }
            assertThat(ids(api.token("admin@demo.local"), "auto_failed=true")).contains(call);
            assertThat(ids(api.token(agentEmail), "auto_failed=true")).as("the agent's own call").contains(call);
            assertThat(ids(api.token("admin@acme.local"), "auto_failed=true")).as("another tenant").doesNotContain(call);
            update("UPDATE analyses SET auto_failed = false WHERE conversation_id = CAST(? AS uuid)", call);
            assertThat(ids(api.token("admin@demo.local"), "auto_failed=true")).as("re-analysed: passed").doesNotContain(call);
        } finally {
            explorer.rareAnalyses = CallsExplorer.RARE_ANALYSES;
            update("UPDATE analyses SET auto_failed = false WHERE conversation_id = CAST(? AS uuid)", call);
        }
    }

    @Test
    void lengthSortsInsideATeamOrAnAgentsCallsListWhatTheExportLists() {
        for (String who : List.of("manager@demo.local", "csr1@demo.local", "admin@demo.local")) {
            String token = api.token(who);
            for (String query : List.of("sort=longest", "sort=shortest", "sort=longest&direction=inbound")) {
                List<String> page = ids(token, query);
                assertThat(page).as(who + " " + query).isEqualTo(exported(token, query)).doesNotHaveDuplicates();
            }
        }
        Set<String> own = new HashSet<>(ids(api.token("csr1@demo.local"), "sort=longest"));
        assertThat(own).as("an agent's own calls").contains(calls.get("csr_002")).doesNotContain(calls.get("va_002"));
    }

    /** One query's first column, in its own transaction as the application role in {@code tenant} (RLS on). */
    private List<String> column(String sql, String tenant, String arg) throws Exception {
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant);
                set.execute();
            }
            List<String> values = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, arg);
                ResultSet rs = s.executeQuery();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            c.commit();
            return values;
        }
    }

    private void update(String sql, String arg) throws Exception {
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', 'demo-tenant', true)")) {
                set.execute();
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, arg);
                assertThat(s.executeUpdate()).as(sql).isEqualTo(1);
            }
            c.commit();
        }
    }
}
