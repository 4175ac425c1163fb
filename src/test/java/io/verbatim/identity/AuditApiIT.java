package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit log's filters, paging and CSV export: admins of the tenant only, and only the tenant's entries. */
class AuditApiIT extends PlatformTest {

    private static final Map<String, String> CSV = Map.of("Accept", "text/csv");

    @Test
    void filtersByActionPrefixActorAndDateAndPagesWithoutGapsOrRepeats() {
        String admin = api.token("admin@demo.local");
        String team = "Audit " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/teams", admin, "{\"name\":\"" + team + "\"}").status()).isEqualTo(201);
        api.token("manager@demo.local");

        JsonNode teams = api.get("/api/v1/audit?action=team", admin).body().get("items");
        assertThat(teams).isNotEmpty();
        teams.forEach(e -> assertThat(e.get("action").asString()).startsWith("team"));
        assertThat(teams.toString()).contains(team);

        JsonNode byActor = api.get("/api/v1/audit?actor=MANAGER@demo&action=auth.login", admin).body().get("items");
        assertThat(byActor).isNotEmpty();
        byActor.forEach(e -> assertThat(e.get("actor_email").asString()).isEqualTo("manager@demo.local"));
        // LIKE wildcards in the filter are literal characters, not patterns.
        assertThat(api.get("/api/v1/audit?actor=%25", admin).body().get("items")).isEmpty();

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(api.get("/api/v1/audit?from=" + today + "&to=" + today, admin).body().get("items")).isNotEmpty();
        assertThat(api.get("/api/v1/audit?from=" + tomorrow, admin).body().get("items")).isEmpty();
        assertThat(api.get("/api/v1/audit?to=2000-01-01", admin).body().get("items")).isEmpty();
        var bad = api.get("/api/v1/audit?from=yesterday", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemType()).endsWith("invalid-date");

        Set<Long> seen = new HashSet<>();
        long previous = Long.MAX_VALUE;
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/audit?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin).body();
            for (JsonNode e : page.get("items")) {
                long id = e.get("id").asLong();
                assertThat(id).isLessThan(previous);
                assertThat(seen.add(id)).isTrue();
                previous = id;
            }
            cursor = page.has("next_cursor") ? page.get("next_cursor").asString() : null;
        } while (cursor != null && ++pages < 3);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theCsvExportHasEveryMatchingEntryQuotedAndIsItselfAudited() {
        String admin = api.token("admin@demo.local");
        String team = "Quote, \"this\" " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post("/api/v1/teams", admin, api.json().createObjectNode().put("name", team).toString()).status())
                .isEqualTo(201);
        var csv = api.get("/api/v1/audit.csv?action=team.created", admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        assertThat(csv.header("content-disposition")).contains("attachment");
        List<String> lines = csv.raw().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\uFEFFid,at,actor_type,actor_id,actor_email,action,target_type,target_id,ip,detail");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(",team.created,"));
        // The JSON detail holds commas and quotes: the cell is quoted and inner quotes doubled.
        assertThat(csv.raw()).contains("\"{\"\"name\"\":\"\"Quote, \\\"\"this\\\"\"");
        int json = api.get("/api/v1/audit?action=team.created&limit=500", admin).body().get("items").size();
        assertThat(lines).hasSize(json + 1);

        var negotiated = api.send("GET", "/api/v1/audit?action=team.created", admin, CSV, null);
        assertThat(negotiated.header("content-type")).startsWith("text/csv");
        assertThat(negotiated.raw().lines().count()).isEqualTo(lines.size());

        JsonNode exported = api.get("/api/v1/audit?action=audit.exported", admin).body().get("items");
        assertThat(exported).isNotEmpty();
        assertThat(exported.get(0).get("actor_email").asString()).isEqualTo("admin@demo.local");
        assertThat(exported.get(0).get("detail").get("action").asString()).isEqualTo("team.created");
    }

    @Test
    void anotherTenantsAdminSeesNoneOfTheseEntriesAndOtherRolesSeeNothing() {
        api.token("admin@demo.local");
        api.token("admin@acme.local");
        String acme = api.token("admin@acme.local");
        var json = api.get("/api/v1/audit?limit=500", acme);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.raw()).doesNotContain("@demo.local").contains("admin@acme.local");
        assertThat(api.get("/api/v1/audit?actor=demo.local", acme).body().get("items")).isEmpty();
        var csv = api.get("/api/v1/audit.csv", acme);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw()).doesNotContain("@demo.local").contains("admin@acme.local");

        for (String email : List.of("manager@demo.local", "exec@demo.local", "csr1@demo.local", "rep1@demo.local")) {
            String token = api.token(email);
            assertThat(api.get("/api/v1/audit", token).status()).as(email).isEqualTo(403);
            assertThat(api.get("/api/v1/audit.csv", token).status()).as(email).isEqualTo(403);
            assertThat(api.send("GET", "/api/v1/audit", token, CSV, null).status()).as(email).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/audit.csv", null).status()).isEqualTo(401);
    }
}
