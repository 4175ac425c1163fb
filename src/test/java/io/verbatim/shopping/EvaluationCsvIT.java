package io.verbatim.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.demo.SpanishDemo;
import io.verbatim.support.PlatformTest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The CSV export of evaluations: the same scope as the list, by role and company. */
class EvaluationCsvIT extends PlatformTest {

    @Autowired
    SpanishDemo demo;
    private List<JsonNode> all;

    @BeforeEach
    void setUp() {
        demo.evaluations(demo.company("verbatim-demo"));
        all = StreamSupport.stream(api.get("/api/v1/evaluations?limit=500", api.token("admin@caribe.local")).body().get("items")
                .spliterator(), false).toList();
    }

    private List<String> rows(String email) {
        var r = api.send("GET", "/api/v1/evaluations.csv", api.token(email), java.util.Map.of(), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(r.raw().split("\r\n"));
        assertThat(lines.get(0)).startsWith("id,created_at,campaign,zone,shopper_id,status,score");
        return lines.subList(1, lines.size());
    }

    @Test
    void adminsExecutivesAndManagersExportTheCampaignsTheySee() {
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        for (String who : List.of("admin@caribe.local", "ejecutiva@caribe.local", "gerente@caribe.local")) {
            List<String> rows = rows(who);
            assertThat(rows).as(who).hasSize(all.size());
            for (JsonNode e : all) {
                assertThat(rows).as(who).anySatisfy(line -> assertThat(line).startsWith(e.get("id").asString() + ",")
                        .contains(SpanishDemo.CAMPAIGN).contains(e.get("status").asString()));
            }
        }
    }

    @Test
    void aShopperExportsOnlyTheirOwn() {
        List<String> rows = rows("compradora1@caribe.local");
        String own = rows.getFirst().split(",")[4];
        long theirs = all.stream().filter(e -> e.get("shopper_id").asString().equals(own)).count();
        assertThat(rows).hasSize((int) theirs).allSatisfy(line -> assertThat(line.split(",")[4]).isEqualTo(own));
        assertThat(theirs).isLessThan(all.size());
    }

    @Test
    void anotherCompanyExportsNoneOfThem() {
        List<String> rows = rows("admin@acme.local");
        for (JsonNode e : all) {
            assertThat(rows).noneSatisfy(line -> assertThat(line).contains(e.get("id").asString()));
        }
        assertThat(api.get("/api/v1/evaluations.csv", null).status()).isEqualTo(401);
    }
}
