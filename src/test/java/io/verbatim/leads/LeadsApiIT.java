package io.verbatim.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Leads from analysed calls, a person's override with history, one open lead per contact; role scope and tenants. */
class LeadsApiIT extends PlatformTest {

    private String admin;
    private Uploads uploads;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        uploads = new Uploads(api);
    }

    static String newNumber() {
        return "+1737" + (2000000 + ThreadLocalRandom.current().nextInt(7999999));
    }

    private String analysed(String phone, String agent, String file) throws Exception {
        byte[] call = Files.readAllBytes(TestData.call(file));
        var r = uploads.upload(admin, new Part("transcript", file, "application/json", call), Part.json("metadata", """
                {"external_id":"lead-%s","source":"test","direction":"inbound","agent":"%s","customer":{"phone":"%s"}}"""
                .formatted(UUID.randomUUID(), agent, phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        String id = r.body().get("id").asString();
        assertThat(uploads.awaitStatus(admin, id, Duration.ofSeconds(90), "completed", "failed").get("status").asString())
                .isEqualTo("completed");
        return id;
    }

    private String card(String phone) {
        return api.get("/api/v1/contacts?q=" + phone.substring(1), admin).body().get("items").get(0).get("id").asString();
    }

    @Test
    void aQualifiedCallOpensALeadABookedCallBooksItAndAPersonsQualificationSticks() throws Exception {
        String phone = newNumber();
        String first = analysed(phone, "csr1@demo.local", "csr_002.json");
        JsonNode analysis = api.get("/api/v1/conversations/" + first + "/analysis", admin).body();
        String qualification = analysis.get("call").get("qualification").asString();
        assertThat(qualification).isIn("hot", "warm");
        String card = card(phone);
        JsonNode leads = api.get("/api/v1/leads?contact_card_id=" + card, admin).body().get("items");
        assertThat(leads.size()).isEqualTo(1);
        JsonNode lead = leads.get(0);
        String id = lead.get("id").asString();
        assertThat(lead.get("stage").asString()).isEqualTo("qualified");
        assertThat(lead.get("qualification").asString()).isEqualTo(qualification);
        assertThat(lead.get("source_conversation_id").asString()).isEqualTo(first);

        // the CSR who spoke to them sees it; the other CSR and the sales rep do not; executives read but cannot change it
        assertThat(api.get("/api/v1/leads/" + id, api.token("csr1@demo.local")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/leads/" + id, api.token("csr2@demo.local")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/leads?contact_card_id=" + card, api.token("csr2@demo.local")).body().get("items").size()).isZero();
        assertThat(api.get("/api/v1/leads/" + id, api.token("rep1@demo.local")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/leads/" + id, api.token("exec@demo.local")).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/leads/" + id, api.token("exec@demo.local"), "{\"qualification\":\"cold\"}").status())
                .isEqualTo(403);

        // a person overrides the qualification, with a reason kept in the history
        var changed = api.patch("/api/v1/leads/" + id, api.token("csr1@demo.local"),
                "{\"qualification\":\"cold\",\"reason\":\"only collecting quotes\"}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("lead").get("qualification_set_by").asString()).isEqualTo("person");
        assertThat(changed.body().get("history").toString()).contains("only collecting quotes").contains("\"changed_by\":\"person\"");

        // a second, booked call books the same lead and leaves the person's qualification alone
        analysed(phone, "csr1@demo.local", "csr_008.json");
        JsonNode after = api.get("/api/v1/leads/" + id, admin).body();
        assertThat(api.get("/api/v1/leads?contact_card_id=" + card, admin).body().get("items").size()).isEqualTo(1);
        assertThat(after.get("lead").get("qualification").asString()).isEqualTo("cold");
        String secondBooking = api.get("/api/v1/conversations/" + after.get("lead").get("source_conversation_id").asString()
                + "/analysis", admin).body().get("call").get("booking_status").asString();
        assertThat(secondBooking).isNotNull();
    }

    @Test
    void oneOpenLeadPerContactAndAnotherTenantSeesNone() {
        String phone = newNumber();
        String card = api.post("/api/v1/contacts", admin, "{\"primary_phone\":\"" + phone + "\"}").body().get("id").asString();
        var created = api.post("/api/v1/leads", api.token("manager@demo.local"),
                "{\"contact_card_id\":\"" + card + "\",\"qualification\":\"hot\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("stage").asString()).isEqualTo("new");
        var second = api.post("/api/v1/leads", admin, "{\"contact_card_id\":\"" + card + "\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("urn:verbatim:problem:open-lead-exists");
        String id = created.body().get("id").asString();
        assertThat(api.patch("/api/v1/leads/" + id, admin, "{\"stage\":\"dead\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/leads", admin, "{\"contact_card_id\":\"" + card + "\"}").status()).isEqualTo(201);
        assertThat(api.patch("/api/v1/leads/" + id, admin, "{\"stage\":\"pending\"}").status()).isEqualTo(409);
        assertThat(api.patch("/api/v1/leads/" + id, admin, "{\"stage\":\"won\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-stage");

        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/leads/" + id, acme).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/leads/" + id, acme, "{\"stage\":\"dead\"}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/leads?contact_card_id=" + card, acme).body().get("items").size()).isZero();
        assertThat(api.post("/api/v1/leads", acme, "{\"contact_card_id\":\"" + card + "\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/leads", api.token("exec@demo.local"), "{\"contact_card_id\":\"" + card + "\"}").status())
                .isEqualTo(403);
    }

    @Test
    void mergingContactsMovesLeadsAndKeepsOneOpen() {
        String a = api.post("/api/v1/contacts", admin, "{\"primary_phone\":\"" + newNumber() + "\"}").body().get("id").asString();
        String b = api.post("/api/v1/contacts", admin, "{\"primary_phone\":\"" + newNumber() + "\"}").body().get("id").asString();
        String la = api.post("/api/v1/leads", admin, "{\"contact_card_id\":\"" + a + "\"}").body().get("id").asString();
        String lb = api.post("/api/v1/leads", admin, "{\"contact_card_id\":\"" + b + "\"}").body().get("id").asString();
        assertThat(api.post("/api/v1/contacts/" + a + "/merge", admin, "{\"duplicate_id\":\"" + b + "\"}").status()).isEqualTo(200);
        JsonNode leads = api.get("/api/v1/leads?contact_card_id=" + a, admin).body().get("items");
        assertThat(leads.findValuesAsString("id")).containsExactlyInAnyOrder(la, lb);
        JsonNode moved = api.get("/api/v1/leads/" + lb, admin).body();
        assertThat(moved.get("lead").get("stage").asString()).isEqualTo("dead");
        assertThat(moved.get("history").toString()).contains("\"changed_by\":\"merge\"");
        assertThat(api.get("/api/v1/leads/" + la, admin).body().get("lead").get("stage").asString()).isEqualTo("new");
    }
}
