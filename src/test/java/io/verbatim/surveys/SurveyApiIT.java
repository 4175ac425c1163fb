package io.verbatim.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import org.junit.jupiter.api.Test;

/** Surveys over the API: validated, versioned, written by admins, read by the company, invisible to others. */
class SurveyApiIT extends PlatformTest {

    @Test
    void anAdminCreatesAndVersionsASurveyTheCompanyReads() throws Exception {
        String admin = api.token("admin@demo.local");
        ApiClient.Response created = api.post("/api/v1/surveys", admin, ShoppingFixture.surveyBody("Visita IT"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("survey_id").asString();
        assertThat(created.body().get("version").asInt()).isEqualTo(1);
        assertThat(created.body().get("definition").get("pages").get(0).get("elements").size()).isEqualTo(6);

        String changed = ShoppingFixture.surveyBody("Visita IT v2").replace("\"weight\": 2", "\"weight\": 3");
        ApiClient.Response v2 = api.put("/api/v1/surveys/" + id, admin, changed);
        assertThat(v2.body().get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/surveys/" + id + "?version=1", admin).body().get("definition").toString()).contains("\"weight\":2");
        assertThat(api.get("/api/v1/surveys/" + id + "/versions", admin).body().get("items").size()).isEqualTo(2);

        // managers and shoppers read it; they do not write
        String shopper = api.token(ShoppingFixture.shopper(api, "demo-tenant"));
        for (String reader : new String[] {api.token("manager@demo.local"), shopper}) {
            assertThat(api.get("/api/v1/surveys/" + id, reader).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/surveys", reader).raw()).contains(id);
            assertThat(api.post("/api/v1/surveys", reader, ShoppingFixture.surveyBody("x")).status()).isEqualTo(403);
            assertThat(api.put("/api/v1/surveys/" + id, reader, changed).status()).isEqualTo(403);
            assertThat(api.delete("/api/v1/surveys/" + id, reader).status()).isEqualTo(403);
        }
        // another company sees nothing and changes nothing
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/surveys/" + id, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/surveys", acme).raw()).doesNotContain(id);
        assertThat(api.put("/api/v1/surveys/" + id, acme, changed).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/surveys/" + id, acme).status()).isEqualTo(404);

        // soft delete hides it; an admin restores it
        assertThat(api.delete("/api/v1/surveys/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/surveys/" + id, admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/surveys", admin).raw()).doesNotContain(id);
        assertThat(api.get("/api/v1/surveys?deleted=true", admin).raw()).contains(id);
        assertThat(api.post("/api/v1/surveys/" + id + "/restore", acme, null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/surveys/" + id + "/restore", admin, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/surveys/" + id, admin).body().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void anInvalidDefinitionIs422NamingTheJsonPath() {
        String admin = api.token("admin@demo.local");
        ApiClient.Response noName = api.post("/api/v1/surveys", admin, """
                {"name": "Bad", "definition": {"pages": [{"elements": [{"type": "rating", "name": "ok"}, {"type": "boolean"}]}]}}""");
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.problemType()).isEqualTo("urn:verbatim:problem:invalid-survey");
        assertThat(noName.body().get("errors").get(0).get("path").asString()).isEqualTo("$.pages[0].elements[1].name");
        assertThat(noName.body().get("detail").asString()).contains("$.pages[0].elements[1]");

        ApiClient.Response badType = api.post("/api/v1/surveys", admin, """
                {"name": "Bad", "definition": {"pages": [{"elements": [{"type": "slider", "name": "s"}]}]}}""");
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.raw()).contains("$.pages[0].elements[0].type");

        ApiClient.Response noChoices = api.post("/api/v1/surveys", admin, """
                {"name": "Bad", "definition": {"pages": [{"elements": [{"type": "radiogroup", "name": "r"}]}]}}""");
        assertThat(noChoices.raw()).contains("$.pages[0].elements[0].choices");

        ApiClient.Response badLogic = api.post("/api/v1/surveys", admin, """
                {"name": "Bad", "definition": {"pages": [{"elements": [{"type": "text", "name": "t", "visibleIf": "{x} = = 1"}]}]}}""");
        assertThat(badLogic.status()).isEqualTo(422);
        assertThat(badLogic.body().get("errors").get(0).get("path").asString()).isEqualTo("$.pages[0].elements[0].visibleIf");

        assertThat(api.post("/api/v1/surveys", admin, "{\"name\": \"Bad\", \"definition\": []}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/surveys", admin, "{\"name\": \"Bad\", \"definition\": {}}").raw()).contains("$.pages");
    }
}
