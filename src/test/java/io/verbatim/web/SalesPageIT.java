package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /sales}, the Exec Sales tab, server-side: every rep for executives, a rep's own row, CSRs 403, another tenant. */
class SalesPageIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @Autowired
    UserProvisioning provisioning;

    private static String percent(tools.jackson.databind.JsonNode share) {
        return share == null || share.isNull() ? "—" : String.format(java.util.Locale.ROOT, "%.0f%%", share.asDouble() * 100);
    }

    private ApiClient.Response page(String path, String token) {
        return api.send("GET", path, token, HTML, null);
    }

    @Test
    void executivesSeeEveryRepARepTheirOwnRowCsrsNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Sally Pagerep " + suffix;
        String email = "sp-" + suffix + "@demo.local";
        UUID rep = provisioning.ensureUser(TenantId.of("demo-tenant"), email, name, ApiClient.DEMO_PASSWORD, Role.AGENT,
                AgentKind.SALES_REP, null);
        String manager = api.token("manager@demo.local");
        String repToken = api.token(email);
        // two visits run two days ago: one won, one lost
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        for (int i = 0; i < 2; i++) {
            Instant start = day.atTime(9 + 2 * i, 0).toInstant(ZoneOffset.UTC);
            var booked = api.post("/api/v1/appointments", manager, """
                    {"sales_rep_id":"%s","service_type":"roof_replacement","scheduled_start":"%s","scheduled_end":"%s"}"""
                    .formatted(rep, start, start.plusSeconds(3600)));
            assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
            String id = booked.body().get("appointment").get("id").asString();
            var done = api.patch("/api/v1/appointments/" + id, repToken, "{\"status\":\"completed\",\"outcome\":\""
                    + (i == 0 ? "closed_won" : "closed_lost") + "\",\"deal_value\":12500}");
            assertThat(done.status()).as(done.raw()).isEqualTo(200);
        }

        var exec = page("/sales?days=7", api.token("exec@demo.local"));
        assertThat(exec.status()).as(exec.raw()).isEqualTo(200);
        assertThat(exec.raw()).contains("Sales performance", "id=\"sales-totals\"", "id=\"reps\"", "Riley Rep")
                .doesNotContain("Exception");
        String row = exec.raw().substring(exec.raw().indexOf("data-rep-id=\"" + rep + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(name, "50%", "12,500");
        // Both win rates: 1 won of 2 run, and of 2 decided.
        assertThat(row.split("close-rate-decided")[1]).contains("50%");

        // The CSR booking rate, team and per CSR, the same figures as the exec CSR metrics of the same days.
        var csrApi = api.get("/api/v1/dashboard/exec-csr-metrics?days=7", api.token("exec@demo.local"));
        assertThat(csrApi.status()).as(csrApi.raw()).isEqualTo(200);
        assertThat(exec.raw()).contains("CSR booking rate", "id=\"csr-booking\"");
        String team = exec.raw().substring(exec.raw().indexOf("id=\"team-booking-rate\""));
        assertThat(team.substring(team.indexOf('>') + 1, team.indexOf('<'))).isEqualTo(percent(csrApi.body().get("totals").get("booking_rate")));
        for (var csr : csrApi.body().get("csrs")) {
            String csrRow = exec.raw().substring(exec.raw().indexOf("data-csr-id=\"" + csr.get("csr_user_id").asString() + "\""));
            csrRow = csrRow.substring(0, csrRow.indexOf("</tr>"));
            assertThat(csrRow).contains(csr.get("name").asString());
            String rate = csrRow.substring(csrRow.indexOf("booking-rate"));
            assertThat(rate.substring(rate.indexOf('>') + 1, rate.indexOf('<'))).isEqualTo(percent(csr.get("booking_rate")));
        }

        var mine = page("/sales", repToken);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.raw()).contains("My sales numbers", name).doesNotContain("Riley Rep", "Open leads by rep", "csr-booking");

        assertThat(page("/sales", api.token("csr1@demo.local")).status()).isEqualTo(403);
        assertThat(page("/sales", null).status()).isEqualTo(302);
        assertThat(page("/sales?days=12", manager).status()).isEqualTo(400);
        var acme = page("/sales", api.token("admin@acme.local"));
        assertThat(acme.status()).isEqualTo(200);
        assertThat(acme.raw()).doesNotContain(name, "Riley Rep");
    }
}
