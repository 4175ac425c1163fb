package io.verbatim.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ExplorerPages;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A tracker or objection filter walks {@code conversation_labels} (V41) in page order, as a million calls would
 * (the fixture's filters are all rare, so the test turns the rare-match look-up off): the pages list exactly what
 * the CSV export lists by checking each call's arrays, in the same order, for every role and with cursors; the
 * labels follow a re-analysis and a call moved to another team; and another tenant never sees them.
 */
class ExplorerLabelsIT extends PlatformTest {

    @Autowired
    DataSource app;

    @Autowired
    CallsExplorer explorer;

    private Map<String, String> calls;
    private String admin;

    @BeforeEach
    void walkEvenRareFilters() {
        calls = WebFixture.calls(api);
        admin = api.token("admin@demo.local");
        explorer.rareAnalyses = 0;
    }

    @AfterEach
    void restore() {
        explorer.rareAnalyses = CallsExplorer.RARE_ANALYSES;
        explorer.rareLabels = CallsExplorer.RARE_ANALYSES;
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

    private List<String> labelFilters() {
        Set<String> filters = new LinkedHashSet<>();
        for (JsonNode row : ExplorerPages.all(api, admin, "", 50)) {
            row.path("trackers").forEach(t -> filters.add("tracker=" + t.asString()));
            row.path("objection_categories").forEach(o -> filters.add("objection=" + o.asString()));
        }
        return new ArrayList<>(filters);
    }

    @Test
    void theLabelWalkListsWhatTheArraysListInTheSameOrder() {
        List<String> filters = labelFilters();
        assertThat(filters).as("the fixture's calls carry trackers or objections").isNotEmpty();
        String team = api.get("/api/v1/auth/me", api.token("manager@demo.local")).body().get("team_id").asString();
        String pair = filters.getFirst() + "&" + filters.getLast();
        for (String who : List.of("admin@demo.local", "manager@demo.local", "csr1@demo.local")) {
            String token = api.token(who);
            for (String filter : filters) {
                for (String query : List.of(filter, filter + "&sort=oldest", filter + "&team=" + team, pair,
                        filter + "&direction=inbound", filter + "&q=thank")) {
                    assertThat(ids(token, query)).as(who + " " + query).isEqualTo(exported(token, query));
                }
                // Length and score orders: the label's range collected and sorted, and the row-by-row walk.
                for (long rareLabels : new long[] {Long.MAX_VALUE, 0}) {
                    explorer.rareLabels = rareLabels;
                    for (String query : List.of(filter + "&sort=lowest_score", filter + "&sort=longest",
                            filter + "&sort=highest_score&team=" + team, pair + "&sort=shortest")) {
                        assertThat(ids(token, query)).as(who + " " + query + " rareLabels " + rareLabels)
                                .isEqualTo(exported(token, query));
                    }
                }
            }
        }
        // The walk found something: at least one filter lists calls for the admin.
        assertThat(filters).anySatisfy(f -> assertThat(ids(admin, f)).isNotEmpty());
    }

    @Test
    void labelsFollowTheAnalysisAndTheCallsTeam() throws Exception {
        String demoCalls = String.join(",", calls.entrySet().stream().filter(e -> !e.getKey().startsWith("acme:"))
                .map(Map.Entry::getValue).toList());
        String call = single("SELECT min(conversation_id::text) FROM analyses WHERE conversation_id = ANY(CAST(string_to_array(?, ',') AS uuid[]))",
                demoCalls);
        String manager = api.token("manager@demo.local");
        String managerTeam = api.get("/api/v1/auth/me", manager).body().get("team_id").asString();
        String otherTeam = single("SELECT id::text FROM teams WHERE id <> CAST(? AS uuid) LIMIT 1", managerTeam);
        String team = single("SELECT coalesce(team_id::text, '') FROM conversations WHERE id = CAST(? AS uuid)", call);
        try {
            update("UPDATE analyses SET trackers = array_append(trackers, 'label_check') WHERE conversation_id = CAST(? AS uuid)", call);
            update("UPDATE conversations SET team_id = CAST('" + otherTeam + "' AS uuid) WHERE id = CAST(? AS uuid)", call);
            assertThat(ids(admin, "tracker=label_check")).containsExactly(call);
            assertThat(ids(manager, "tracker=label_check")).as("another team's call").isEmpty();
            update("UPDATE conversations SET team_id = CAST('" + managerTeam + "' AS uuid) WHERE id = CAST(? AS uuid)", call);
            assertThat(ids(manager, "tracker=label_check")).as("moved to the manager's team").containsExactly(call);
            assertThat(ids(api.token("admin@acme.local"), "tracker=label_check")).as("another tenant").isEmpty();
            update("UPDATE analyses SET trackers = array_remove(trackers, 'label_check') WHERE conversation_id = CAST(? AS uuid)", call);
            assertThat(ids(admin, "tracker=label_check")).as("re-analysed without it").isEmpty();
        } finally {
            update("UPDATE analyses SET trackers = array_remove(trackers, 'label_check') WHERE conversation_id = CAST(? AS uuid)", call);
            update("UPDATE conversations SET team_id = " + (team.isEmpty() ? "NULL" : "CAST('" + team + "' AS uuid)")
                    + " WHERE id = CAST(? AS uuid)", call);
        }
    }

    /** One statement in its own transaction as the application role in the demo tenant (row-level security on). */
    private String run(String sql, String arg, boolean query) throws Exception {
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', 'demo-tenant', true)")) {
                set.execute();
            }
            String result = null;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, arg);
                if (query) {
                    var rs = s.executeQuery();
                    assertThat(rs.next()).as(sql).isTrue();
                    result = rs.getString(1);
                } else {
                    assertThat(s.executeUpdate()).as(sql).isEqualTo(1);
                }
            }
            c.commit();
            return result;
        }
    }

    private String single(String sql, String arg) throws Exception {
        return run(sql, arg, true);
    }

    private void update(String sql, String arg) throws Exception {
        run(sql, arg, false);
    }
}
