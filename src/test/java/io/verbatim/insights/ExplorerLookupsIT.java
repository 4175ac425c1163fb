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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The explorer's index-backed shapes (docs/web.md, "How the explorer stays fast") list exactly what the plain
 * row-by-row query lists: analysis filters looked up through their indexes (the page, rare here) against the
 * CSV export (which checks every row), the manager's scope as two index walks against the admin's list
 * narrowed by hand, cursors across both; and the owner-run look-up never answers for another tenant.
 */
class ExplorerLookupsIT extends PlatformTest {

    @Autowired
    DataSource app;

    private Map<String, String> calls;
    private String admin;

    @BeforeEach
    void fixture() {
        calls = WebFixture.calls(api);
        admin = api.token("admin@demo.local");
    }

    /** The fixture's calls in the demo tenant (the others are acme's). */
    private List<String> demoCalls() {
        return calls.entrySet().stream().filter(e -> !e.getKey().startsWith("acme:")).map(Map.Entry::getValue).toList();
    }

    private List<JsonNode> explore(String token, String query) {
        return ExplorerPages.all(api, token, query, 2);
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(r -> r.get("id").asString()).toList();
    }

    private Set<String> exported(String token, String query) {
        String[] lines = api.get("/api/v1/explorer/export.csv?" + query, token).raw().strip().split("\r\n");
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 1; i < lines.length; i++) {
            ids.add(lines[i].replace("\uFEFF", "").split(",", 2)[0]);
        }
        return ids;
    }

    /** Filters that match some of the fixture's calls: each tracker, objection and reason the admin's list shows. */
    private List<String> filtersInUse() {
        Set<String> filters = new LinkedHashSet<>();
        for (JsonNode row : explore(admin, "")) {
            if (!calls.containsValue(row.get("id").asString())) {
                continue;
            }
            row.path("trackers").forEach(t -> filters.add("tracker=" + t.asString()));
            row.path("objection_categories").forEach(o -> filters.add("objection=" + o.asString()));
            if (row.path("call_reason").isString()) {
                filters.add("reason=" + row.get("call_reason").asString());
            }
        }
        // And the filters with an index-usable twin (auto-failed look-up, duration and score bounds on sort keys).
        filters.addAll(List.of("auto_failed=true", "auto_failed=false", "max_score=70", "min_score=50", "min_duration=60",
                "max_duration=120"));
        return new ArrayList<>(filters);
    }

    @Test
    void analysisFiltersLookedUpListWhatTheRowByRowExportLists() {
        List<String> filters = filtersInUse();
        assertThat(filters).as("the fixture's calls carry trackers, objections or reasons").isNotEmpty();
        for (String who : List.of("admin@demo.local", "manager@demo.local", "csr1@demo.local")) {
            String token = api.token(who);
            for (String filter : filters) {
                List<String> page = ids(explore(token, filter));
                assertThat(new HashSet<>(page)).as(who + " " + filter).isEqualTo(exported(token, filter));
                assertThat(page).as("no call twice").doesNotHaveDuplicates();
            }
            // Two at once, and the needs-review look-up with them.
            String pair = filters.getFirst() + "&" + filters.getLast();
            assertThat(new HashSet<>(ids(explore(token, pair)))).as(who + " " + pair).isEqualTo(exported(token, pair));
        }
        // Another tenant's look-up finds none of these calls.
        String acme = api.token("admin@acme.local");
        for (String filter : filters) {
            assertThat(ids(explore(acme, filter))).as(filter).doesNotContainAnyElementsOf(demoCalls());
        }
    }

    @Test
    void theManagersScopeIsTheTeamPlusUnassignedCallsInOrderAcrossPages() {
        String manager = api.token("manager@demo.local");
        String managerTeam = api.get("/api/v1/auth/me", manager).body().get("team_id").asString();
        for (String query : List.of("", "q=thank", "sort=oldest", "sort=longest", "sort=lowest_score", "direction=inbound")) {
            List<String> expected = ids(explore(admin, query).stream()
                    .filter(r -> r.path("team_id").isNull() || r.path("team_id").isMissingNode()
                            || r.get("team_id").asString().equals(managerTeam)).toList());
            assertThat(ids(explore(manager, query))).as("manager, " + query).isEqualTo(expected);
        }
        assertThat(ids(explore(manager, ""))).contains(calls.get("va_002")); // unassigned: no agent, no team
    }

    @Test
    void sortsKeepTheirOrderAcrossPages() {
        List<JsonNode> longest = explore(admin, "sort=longest");
        for (int i = 1; i < longest.size(); i++) {
            assertThat(longest.get(i - 1).path("duration_seconds").asDouble(-1))
                    .isGreaterThanOrEqualTo(longest.get(i).path("duration_seconds").asDouble(-1));
        }
        List<String> oldest = ids(explore(admin, "sort=oldest"));
        List<String> newest = new ArrayList<>(ids(explore(admin, "")));
        assertThat(oldest).hasSameSizeAs(newest).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(newest);
    }

    /** Length ranges (rare here, as 15 calls under 30 s in a year of 1M) are looked up in the length index (V52). */
    @Test
    void lengthRangesLookedUpListWhatTheRowByRowExportLists() throws Exception {
        List<Double> lengths = explore(admin, "sort=shortest").stream().filter(r -> r.hasNonNull("duration_seconds"))
                .map(r -> r.get("duration_seconds").asDouble()).toList();
        assertThat(lengths).as("the fixture's calls have lengths").hasSizeGreaterThan(3);
        long low = (long) Math.floor(lengths.get(lengths.size() / 4));
        long high = (long) Math.ceil(lengths.get(lengths.size() * 3 / 4));
        List<String> ranges = List.of("max_duration=" + high, "min_duration=" + low, "min_duration=" + low + "&max_duration=" + high,
                "max_duration=" + high + "&sort=longest", "min_duration=" + low + "&sort=oldest");
        for (String who : List.of("admin@demo.local", "manager@demo.local", "csr1@demo.local")) {
            String token = api.token(who);
            for (String range : ranges) {
                List<String> page = ids(explore(token, range));
                assertThat(page).as(who + " " + range).containsExactlyElementsOf(exported(token, range));
            }
        }
        assertThat(ids(explore(admin, ranges.get(2)))).as("a range inside the lengths").isNotEmpty();
        String acme = api.token("admin@acme.local");
        for (String range : ranges) {
            assertThat(ids(explore(acme, range))).as(range).doesNotContainAnyElementsOf(demoCalls());
        }
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            // Other tests add demo-tenant calls to the shared database: the fixture's are among the matches.
            Set<String> demo = lengthMatches(c, "demo-tenant");
            assertThat(demo).containsAnyElementsOf(demoCalls());
            assertThat(lengthMatches(c, "acme")).doesNotContainAnyElementsOf(demo);
            assertThat(lengthMatches(c, null)).isEmpty(); // no tenant set: nothing, as the policy
            c.rollback();
        }
    }

    private static Set<String> lengthMatches(Connection c, String tenant) throws Exception {
        try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenant == null ? "" : tenant);
            set.execute();
        }
        Set<String> ids = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT verbatim_length_matches(0, 1e9, NULL)::text")) {
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        c.commit();
        return ids;
    }

    @Test
    void theOwnerRunLookUpAnswersOnlyForTheTransactionsTenant() throws Exception {
        List<String> filters = filtersInUse();
        String tracker = filters.stream().filter(f -> f.startsWith("tracker=")).findFirst().orElseThrow().substring(8);
        try (Connection c = app.getConnection()) {
            c.setAutoCommit(false);
            assertThat(matches(c, "demo-tenant", tracker)).isNotEmpty();
            assertThat(matches(c, "acme", tracker)).doesNotContainAnyElementsOf(demoCalls());
            assertThat(matches(c, null, tracker)).isEmpty(); // no tenant set: nothing, as the policy
            c.rollback();
        }
    }

    private static Set<String> matches(Connection c, String tenant, String tracker) throws Exception {
        try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenant == null ? "" : tenant);
            set.execute();
        }
        Set<String> ids = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT verbatim_analysis_matches(NULL, ?, NULL, NULL, NULL, false, false)::text")) {
            s.setString(1, tracker);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        c.commit();
        return ids;
    }
}
