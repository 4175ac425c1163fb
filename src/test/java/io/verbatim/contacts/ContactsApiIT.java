package io.verbatim.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/contacts}: create, search, timeline, change, merge; role scope and another tenant. */
class ContactsApiIT extends PlatformTest {

    private String admin;
    private Uploads uploads;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        uploads = new Uploads(api);
    }

    private JsonNode create(String token, String body) {
        var r = api.post("/api/v1/contacts", token, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    private String upload(String phone, String agent, String file) throws Exception {
        byte[] call = Files.readAllBytes(TestData.call(file));
        var r = uploads.upload(admin, new Part("transcript", file, "application/json", call), Part.json("metadata", """
                {"external_id":"ct-%s","source":"test","direction":"inbound","agent":"%s","customer":{"name":"Tim Line","phone":"%s"}}"""
                .formatted(UUID.randomUUID(), agent, phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return r.body().get("id").asString();
    }

    /** The timeline's conversations (it also holds the card's leads, appointments and tasks). */
    private static java.util.List<JsonNode> calls(JsonNode detail) {
        java.util.List<JsonNode> calls = new java.util.ArrayList<>();
        detail.get("timeline").forEach(i -> {
            if ("conversation".equals(i.get("type").asString())) {
                calls.add(i);
            }
        });
        return calls;
    }

    @Test
    void aCardIsCreatedFoundByPhoneInAnyFormatByNameAndByEmailAndChanged() {
        String e164 = ContactCardsIT.newUsNumber();
        String d = e164.substring(2);
        String last = "Zed" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode card = create(admin, """
                {"primary_phone":"(%s) %s-%s","email":"Ann.%s@Example.com","first_name":"Ann","last_name":"%s",
                 "address":{"line1":"1 Main St","city":"Austin","state":"TX","zip":"78701","country":"US"},
                 "property":{"property_type":"single_family","roof_type":"asphalt","square_feet":2100,"hoa":true,
                             "year_built":1998,"extras":{"gate_code":"1234"}}}"""
                .formatted(d.substring(0, 3), d.substring(3, 6), d.substring(6), last, last));
        String id = card.get("id").asString();
        assertThat(card.get("primary_phone").asString()).isEqualTo(e164);
        assertThat(card.get("email").asString()).isEqualTo("ann." + last.toLowerCase() + "@example.com");
        assertThat(card.get("full_name").asString()).isEqualTo("Ann " + last);
        assertThat(card.get("source").asString()).isEqualTo("manual");
        assertThat(card.get("property").get("square_feet").asInt()).isEqualTo(2100);
        assertThat(card.get("property").get("extras").get("gate_code").asString()).isEqualTo("1234");

        for (String q : new String[] {e164, d, "1." + d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6),
                last.toLowerCase(), "ann " + last, "ANN." + last + "@example.com"}) {
            var found = api.get("/api/v1/contacts?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), admin);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body().get("items").findValuesAsString("id")).as(q).containsExactly(id);
        }
        var again = api.post("/api/v1/contacts", admin, "{\"primary_phone\":\"" + e164 + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("urn:verbatim:problem:contact-exists");
        assertThat(again.body().get("existing_id").asString()).isEqualTo(id);

        var patched = api.patch("/api/v1/contacts/" + id, api.token("csr1@demo.local"),
                "{\"secondary_phones\":[\"+1 512 555 0199\"],\"address\":{\"city\":\"Dallas\"},\"tags\":[\"vip\"]}");
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body().get("address").get("city").asString()).isEqualTo("Dallas");
        assertThat(patched.body().get("address").get("line1").asString()).isEqualTo("1 Main St");
        assertThat(patched.body().get("secondary_phones").get(0).asString()).isEqualTo("+15125550199");
        assertThat(api.patch("/api/v1/contacts/" + id, admin, "{\"primary_phone\":\"not a phone\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-phone");
    }

    @Test
    void theTimelineShowsLinkedCallsWithTheirAnalysisAndTheCardTakesTheAiFields() throws Exception {
        String phone = ContactCardsIT.newUsNumber();
        String conversation = upload(phone, "csr1@demo.local", "csr_002.json");
        uploads.awaitStatus(admin, conversation, Duration.ofSeconds(90), "completed", "failed");
        String card = api.get("/api/v1/contacts?q=" + phone.substring(1), admin).body().get("items").get(0).get("id").asString();
        JsonNode detail = api.get("/api/v1/contacts/" + card, admin).body();
        assertThat(detail.get("contact").get("source").asString()).isEqualTo("verbatim");
        JsonNode item = calls(detail).get(0);
        assertThat(item.get("type").asString()).isEqualTo("conversation");
        assertThat(item.get("id").asString()).isEqualTo(conversation);
        assertThat(item.get("detail").get("summary").asString()).isNotBlank();
        JsonNode ai = detail.get("contact").get("ai");
        assertThat(ai.get("last_call_summary").asString()).isEqualTo(item.get("detail").get("summary").asString());
        assertThat(ai.get("tags").isArray()).isTrue();

        // an agent sees the card but only their own calls on it; executives read it
        assertThat(calls(api.get("/api/v1/contacts/" + card, api.token("csr1@demo.local")).body())).hasSize(1);
        assertThat(calls(api.get("/api/v1/contacts/" + card, api.token("csr2@demo.local")).body())).isEmpty();
        assertThat(api.get("/api/v1/contacts/" + card, api.token("exec@demo.local")).status()).isEqualTo(200);
    }

    @Test
    void mergingRepointsConversationsIsAuditedAndIdempotent() throws Exception {
        String phoneA = ContactCardsIT.newUsNumber();
        String phoneB = ContactCardsIT.newUsNumber();
        String convA = upload(phoneA, "", "sup_003.json");
        String convB = upload(phoneB, "", "sup_003.json");
        String a = api.get("/api/v1/contacts?q=" + phoneA.substring(1), admin).body().get("items").get(0).get("id").asString();
        String b = api.get("/api/v1/contacts?q=" + phoneB.substring(1), admin).body().get("items").get(0).get("id").asString();
        api.patch("/api/v1/contacts/" + b, admin, "{\"email\":\"merge-" + UUID.randomUUID() + "@example.com\"}");

        assertThat(api.post("/api/v1/contacts/" + a + "/merge", api.token("csr1@demo.local"), "{\"duplicate_id\":\"" + b + "\"}")
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/contacts/" + a + "/merge", api.token("exec@demo.local"), "{\"duplicate_id\":\"" + b + "\"}")
                .status()).isEqualTo(403);
        var merged = api.post("/api/v1/contacts/" + a + "/merge", api.token("manager@demo.local"), "{\"duplicate_id\":\"" + b + "\"}");
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        assertThat(merged.body().get("already_merged").asBoolean()).isFalse();
        assertThat(merged.body().get("conversations_moved").asInt()).isEqualTo(1);
        assertThat(merged.body().get("contact").get("secondary_phones").get(0).asString()).isEqualTo(phoneB);
        assertThat(merged.body().get("contact").get("email").asString()).startsWith("merge-");

        var repeat = api.post("/api/v1/contacts/" + a + "/merge", admin, "{\"duplicate_id\":\"" + b + "\"}");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().get("already_merged").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/contacts/" + b + "/merge", admin, "{\"duplicate_id\":\"" + a + "\"}").status()).isEqualTo(409);

        JsonNode detail = api.get("/api/v1/contacts/" + a, admin).body();
        assertThat(calls(detail).stream().map(c -> c.get("id").asString())).containsExactlyInAnyOrder(convA, convB);
        // the merged card's id still resolves, to the survivor; search by its phone finds the survivor
        assertThat(api.get("/api/v1/contacts/" + b, admin).body().get("contact").get("id").asString()).isEqualTo(a);
        assertThat(api.get("/api/v1/contacts?q=" + phoneB.substring(1), admin).body().get("items").findValuesAsString("id"))
                .containsExactly(a);
        // a later call from the duplicate's number (now a secondary phone of the survivor) lands on the survivor
        String convC = upload(phoneB, "", "sup_003.json");
        assertThat(api.get("/api/v1/contacts/" + a, admin).body().get("timeline").findValuesAsString("id")).contains(convC);
        JsonNode audit = api.get("/api/v1/audit?action=contact.merged", admin).body();
        assertThat(audit.toString()).contains(a).contains(b);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesNorMergesTheCards() {
        String phone = ContactCardsIT.newUsNumber();
        String id = create(admin, "{\"primary_phone\":\"" + phone + "\",\"full_name\":\"Only Demo\"}").get("id").asString();
        String other = create(admin, "{\"primary_phone\":\"" + ContactCardsIT.newUsNumber() + "\"}").get("id").asString();
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/contacts/" + id, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contacts?q=" + phone.substring(1), acme).body().get("items").size()).isZero();
        assertThat(api.patch("/api/v1/contacts/" + id, acme, "{\"full_name\":\"Hijacked\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/contacts/" + id + "/merge", acme, "{\"duplicate_id\":\"" + other + "\"}").status()).isEqualTo(404);
        // acme may have its own card for the same number
        assertThat(create(acme, "{\"primary_phone\":\"" + phone + "\"}").get("id").asString()).isNotEqualTo(id);
        assertThat(api.get("/api/v1/contacts/" + id, admin).body().get("contact").get("full_name").asString()).isEqualTo("Only Demo");
    }

    @Test
    void executivesOnlyReadAndOnlyAdminsBackfill() {
        String exec = api.token("exec@demo.local");
        assertThat(api.get("/api/v1/contacts", exec).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/contacts", exec, "{\"primary_phone\":\"" + ContactCardsIT.newUsNumber() + "\"}").status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/contacts", api.token("csr2@demo.local"),
                "{\"primary_phone\":\"" + ContactCardsIT.newUsNumber() + "\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/contacts/backfill", api.token("manager@demo.local"), "{}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/contacts/backfill", admin, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/contacts", admin, "{\"full_name\":\"Nobody\"}").problemType())
                .isEqualTo("urn:verbatim:problem:contact-not-identifiable");
    }
}
