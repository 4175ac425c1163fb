package io.verbatim.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Gates end to end: a tenant admin switches a feature off for their tenant, the feature is refused there with
 * {@code feature-disabled} (API and page) while another tenant keeps it; cleared, it works again.
 */
class FeatureGatesIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    @AfterEach
    void clearOverrides() {
        String acme = api.token("admin@acme.local");
        for (String key : new String[] {FlagKeys.EVALUATION, FlagKeys.ASK, FlagKeys.CALLS_CSV_EXPORT, FlagKeys.NEEDS_REVIEW_FILTER}) {
            api.delete("/api/v1/flags/" + key + "/override", acme);
        }
    }

    private void switchOff(String key, String token) {
        var r = api.send("PUT", "/api/v1/flags/" + key + "/override", token, Map.of(), "{\"value\":false}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("value").asBoolean()).isFalse();
    }

    private static void assertDisabled(ApiClient.Response r, String key) {
        assertThat(r.status()).as(r.raw()).isEqualTo(403);
        assertThat(r.problemType()).isEqualTo("urn:verbatim:problem:feature-disabled");
        assertThat(r.body().get("flag").asString()).isEqualTo(key);
    }

    @Test
    void evaluationOffIsRefusedForThatTenantOnlyOnTheApiAndThePage() {
        String acme = api.token("admin@acme.local");
        String demo = api.token("admin@demo.local");
        assertThat(api.get("/api/v1/analyst-evaluations", acme).status()).isEqualTo(200);

        switchOff(FlagKeys.EVALUATION, acme);
        assertDisabled(api.get("/api/v1/analyst-evaluations", acme), FlagKeys.EVALUATION);
        var page = api.send("GET", "/settings/evaluation", acme, HTML, null);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.raw()).contains("turned off for your organisation");
        // The other tenant is untouched.
        assertThat(api.get("/api/v1/analyst-evaluations", demo).status()).isEqualTo(200);
        assertThat(api.send("GET", "/settings/evaluation", demo, HTML, null).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/flags/" + FlagKeys.EVALUATION + "/override", acme).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/analyst-evaluations", acme).status()).isEqualTo(200);
    }

    @Test
    void askOffRefusesQuestionsAndThePage() {
        String acme = api.token("admin@acme.local");
        String question = "{\"question\":\"did anyone ask for a refund?\"}";
        assertThat(api.post("/api/v1/ask", acme, question).status()).isEqualTo(200);

        switchOff(FlagKeys.ASK, acme);
        assertDisabled(api.post("/api/v1/ask", acme, question), FlagKeys.ASK);
        assertThat(api.send("GET", "/ask", acme, HTML, null).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/ask", api.token("admin@demo.local"), question).status()).isEqualTo(200);

        api.delete("/api/v1/flags/" + FlagKeys.ASK + "/override", acme);
        assertThat(api.post("/api/v1/ask", acme, question).status()).isEqualTo(200);
        assertThat(api.send("GET", "/ask", acme, HTML, null).status()).isEqualTo(200);
    }

    @Test
    void theExplorersExportAndReviewFiltersFollowTheirFlags() {
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/explorer/export.csv", acme).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/explorer?needs_review=true", acme).status()).isEqualTo(200);

        switchOff(FlagKeys.CALLS_CSV_EXPORT, acme);
        switchOff(FlagKeys.NEEDS_REVIEW_FILTER, acme);
        assertDisabled(api.get("/api/v1/explorer/export.csv", acme), FlagKeys.CALLS_CSV_EXPORT);
        assertDisabled(api.get("/api/v1/explorer?needs_review=true", acme), FlagKeys.NEEDS_REVIEW_FILTER);
        assertDisabled(api.get("/api/v1/explorer?review_field=booking_status", acme), FlagKeys.NEEDS_REVIEW_FILTER);
        // The explorer itself is not gated, only the filter.
        assertThat(api.get("/api/v1/explorer", acme).status()).isEqualTo(200);
    }
}
