package io.verbatim.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Per-CSR and executive CSR metrics: what a lead call adds, role scope and another tenant. */
class CsrMetricsApiIT extends PlatformTest {

    private String admin;
    private String csr1;
    private String csr1Id;
    private Uploads uploads;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        csr1 = api.token("csr1@demo.local");
        csr1Id = api.get("/api/v1/auth/me", csr1).body().get("user_id").asString();
        uploads = new Uploads(api);
    }

    JsonNode row(JsonNode metrics, String csr) {
        for (JsonNode row : metrics.get("csrs")) {
            if (row.get("csr_user_id").asString().equals(csr)) {
                return row;
            }
        }
        return null;
    }

    JsonNode mine() {
        var r = api.get("/api/v1/dashboard/csr-metrics?days=7", csr1);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return row(r.body(), csr1Id);
    }

    @Test
    void aQualifiedUnbookedCallCountsForItsCsrAndShowsInTheirCallBackList() throws Exception {
        JsonNode before = mine();
        String phone = "+1737" + (2000000 + ThreadLocalRandom.current().nextInt(7999999));
        var r = uploads.upload(admin, new Part("transcript", "csr_002.json", "application/json",
                Files.readAllBytes(TestData.call("csr_002.json"))), Part.json("metadata", """
                {"external_id":"csrm-%s","source":"test","direction":"inbound","started_at":"%s",
                 "agent":"csr1@demo.local","customer":{"phone":"%s","name":"Lee Caller"}}"""
                .formatted(UUID.randomUUID(), Instant.now().minus(1, ChronoUnit.HOURS), phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        String id = r.body().get("id").asString();
        assertThat(uploads.awaitStatus(admin, id, Duration.ofSeconds(90), "completed", "failed").get("status").asString())
                .isEqualTo("completed");
        JsonNode call = api.get("/api/v1/conversations/" + id + "/analysis", admin).body().get("call");
        assertThat(call.get("qualification").asString()).isIn("hot", "warm");
        boolean booked = "booked".equals(call.get("booking_status").asString());

        JsonNode after = mine();
        assertThat(after.get("total_leads_spoken_to").asLong()).isEqualTo(before.get("total_leads_spoken_to").asLong() + 1);
        assertThat(after.get("qualified_leads").asLong()).isEqualTo(before.get("qualified_leads").asLong() + 1);
        assertThat(after.get("inbound_lead_calls").asLong()).isEqualTo(before.get("inbound_lead_calls").asLong() + 1);
        assertThat(after.get("appointments_booked").asLong())
                .isEqualTo(before.get("appointments_booked").asLong() + (booked ? 1 : 0));
        assertThat(after.get("booking_rate").asDouble()).isEqualTo(Math.round(10000.0
                * after.get("appointments_booked").asLong() / after.get("qualified_leads").asLong()) / 10000.0);
        assertThat(after.get("unbooked_appointments_list").findValuesAsString("conversation_id").contains(id)).isEqualTo(!booked);
        for (JsonNode objection : after.get("csr_objections")) {
            assertThat(objection.get("occurrence_rate").asDouble()).isBetween(0.0, 1.0);
        }

        // A CSR sees only their own row; executives, managers and admins every CSR; reps nothing; another tenant none.
        var csr2 = api.get("/api/v1/dashboard/csr-metrics?days=7", api.token("csr2@demo.local"));
        assertThat(csr2.body().get("csrs").size()).isEqualTo(1);
        // speed-to-lead: a CSR gets their own row and no tenant-wide figures
        JsonNode csr2Speed = csr2.body().get("speed_to_lead");
        assertThat(csr2Speed.get("csrs").size()).isEqualTo(1);
        assertThat(csr2Speed.get("csrs").findValuesAsString("csr_user_id")).doesNotContain(csr1Id);
        assertThat(csr2Speed.get("tenant") == null || csr2Speed.get("tenant").isNull()).isTrue();
        // the new lead above was answered by csr1 (the call itself): it counts for them, within 5 minutes
        JsonNode mySpeed = api.get("/api/v1/dashboard/csr-metrics?days=7", csr1).body().get("speed_to_lead").get("csrs").get(0);
        assertThat(mySpeed.get("csr_user_id").asString()).isEqualTo(csr1Id);
        assertThat(mySpeed.get("speed_to_lead").get("new_leads").asLong()).isPositive();
        assertThat(mySpeed.get("speed_to_lead").get("within5_minutes").asLong()).isPositive();
        assertThat(row(csr2.body(), csr1Id)).isNull();
        assertThat(row(api.get("/api/v1/dashboard/csr-metrics?days=7", api.token("exec@demo.local")).body(), csr1Id)).isNotNull();
        assertThat(row(api.get("/api/v1/dashboard/csr-metrics?days=7", api.token("manager@demo.local")).body(), csr1Id)).isNotNull();
        assertThat(row(api.get("/api/v1/dashboard/csr-metrics?days=7", admin).body(), csr1Id)).isNotNull();
        assertThat(api.get("/api/v1/dashboard/csr-metrics", api.token("rep1@demo.local")).status()).isEqualTo(403);
        var acme = api.get("/api/v1/dashboard/csr-metrics?days=7", api.token("admin@acme.local"));
        assertThat(acme.status()).isEqualTo(200);
        assertThat(row(acme.body(), csr1Id)).isNull();
        assertThat(api.get("/api/v1/dashboard/csr-metrics?from=2026-02-01&to=2026-01-01", admin).problemType())
                .isEqualTo("urn:verbatim:problem:invalid-period");
    }

    @Test
    void theExecutiveViewSumsEveryCsrRanksCoachingAndIsNotForCsrs() {
        var exec = api.get("/api/v1/dashboard/exec-csr-metrics?days=90", api.token("exec@demo.local"));
        assertThat(exec.status()).as(exec.raw()).isEqualTo(200);
        long sum = 0;
        for (JsonNode row : exec.body().get("csrs")) {
            sum += row.get("total_leads_spoken_to").asLong();
        }
        assertThat(exec.body().get("totals").get("total_leads_spoken_to").asLong()).isEqualTo(sum);
        JsonNode speed = exec.body().get("speed_to_lead");
        long perCsr = 0;
        for (JsonNode row : speed.get("csrs")) {
            perCsr += row.get("speed_to_lead").get("new_leads").asLong();
        }
        JsonNode tenant = speed.get("tenant");
        assertThat(tenant.get("new_leads").asLong()).isGreaterThanOrEqualTo(perCsr).isPositive();
        assertThat(tenant.get("never_responded").asLong())
                .isEqualTo(tenant.get("new_leads").asLong() - tenant.get("responded").asLong());
        assertThat(tenant.get("within5_minutes").asLong()).isLessThanOrEqualTo(tenant.get("responded").asLong());
        double last = Double.MAX_VALUE;
        for (JsonNode c : exec.body().get("coaching")) {
            assertThat(c.get("coaching_score").asDouble()).isLessThanOrEqualTo(last);
            last = c.get("coaching_score").asDouble();
        }
        assertThat(api.get("/api/v1/dashboard/exec-csr-metrics", csr1).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/dashboard/exec-csr-metrics", api.token("rep1@demo.local")).status()).isEqualTo(403);
        var acme = api.get("/api/v1/dashboard/exec-csr-metrics?days=90", api.token("admin@acme.local"));
        assertThat(acme.status()).isEqualTo(200);
        assertThat(acme.body().get("csrs").findValuesAsString("csr_user_id")).doesNotContain(csr1Id);
        assertThat(acme.body().get("speed_to_lead").get("csrs").findValuesAsString("csr_user_id")).doesNotContain(csr1Id);
    }
}
