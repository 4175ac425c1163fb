package io.verbatim.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestPhones;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/contacts/{id}/sms-consent}: per number, with history; who may record what; another tenant. */
class SmsConsentApiIT extends PlatformTest {

    private String admin;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
    }

    private String card(String phone, String name) {
        var r = api.post("/api/v1/contacts", admin, "{\"primary_phone\":\"" + phone + "\",\"full_name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    private JsonNode number(String card, String phone, String token) {
        var r = api.get("/api/v1/contacts/" + card + "/sms-consent", token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode n : r.body().path("numbers")) {
            if (phone.equals(n.path("phone").asString())) {
                return n;
            }
        }
        throw new AssertionError("no " + phone + " in " + r.raw());
    }

    private static String change(String phone, String state) {
        return "{\"phone\":\"" + phone + "\",\"state\":\"" + state + "\",\"note\":\"asked on the phone\"}";
    }

    @Test
    void eachNumberHasAStateAndAHistoryAndMergesKeepIt() {
        String phone = TestPhones.unique();
        String id = card(phone, "Cora Consent");
        assertThat(number(id, phone, admin).path("state").asString()).isEqualTo("unknown");

        // the number in another format is the same number
        String national = "(" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);
        var in = api.put("/api/v1/contacts/" + id + "/sms-consent", admin, change(national, "opted_in"));
        assertThat(in.status()).as(in.raw()).isEqualTo(200);
        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", admin, change(phone, "opted_out")).status()).isEqualTo(200);
        JsonNode n = number(id, phone, admin);
        assertThat(n.path("state").asString()).isEqualTo("opted_out");
        assertThat(n.path("source").asString()).isEqualTo("manual");
        assertThat(n.path("note").asString()).isEqualTo("asked on the phone");
        assertThat(n.path("changed_by").asString()).isNotBlank();
        assertThat(n.path("history")).extracting(h -> h.path("state").asString()).containsExactly("opted_out", "opted_in");

        // a number that is not the card's, or no number, or a made-up state: 400
        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", admin, change(TestPhones.unique(), "opted_out"))
                .problemType()).isEqualTo("urn:verbatim:problem:invalid-sms-consent");
        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", admin, change(phone, "maybe")).status()).isEqualTo(400);

        // merged into another card, the number keeps its state there (consent is the number's, not the card's)
        String other = TestPhones.unique();
        String keep = card(other, "Cora C.");
        var merged = api.post("/api/v1/contacts/" + keep + "/merge", admin, "{\"duplicate_id\":\"" + id + "\"}");
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        assertThat(number(keep, phone, admin).path("state").asString()).isEqualTo("opted_out");
        assertThat(number(keep, other, admin).path("state").asString()).isEqualTo("unknown");
        // an audit entry names the change
        assertThat(api.get("/api/v1/audit?action=contact.sms_consent", admin).raw()).contains(id);
    }

    @Test
    void csrsRecordOptOutsOnlyExecutivesOnlyRead() {
        String phone = TestPhones.unique();
        String id = card(phone, "Rhea Roles");
        String csr = api.token("csr1@demo.local");
        String manager = api.token("manager@demo.local");
        String exec = api.token("exec@demo.local");

        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", csr, change(phone, "opted_in")).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", csr, change(phone, "opted_out")).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", exec, change(phone, "opted_in")).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", exec, change(phone, "opted_out")).status()).isEqualTo(403);
        assertThat(number(id, phone, exec).path("state").asString()).isEqualTo("opted_out");
        assertThat(number(id, phone, csr).path("state").asString()).isEqualTo("opted_out");
        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", manager, change(phone, "opted_in")).status()).isEqualTo(200);
        assertThat(number(id, phone, manager).path("history").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/contacts/" + id + "/sms-consent", null).status()).isEqualTo(401);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesIt() {
        String phone = TestPhones.unique();
        String id = card(phone, "Ivo Isolated");
        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", admin, change(phone, "opted_out")).status()).isEqualTo(200);
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/contacts/" + id + "/sms-consent", acme).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/contacts/" + id + "/sms-consent", acme, change(phone, "opted_in")).status()).isEqualTo(404);
        assertThat(number(id, phone, admin).path("state").asString()).isEqualTo("opted_out");

        // the same number on an acme card is acme's own, unknown there
        var r = api.post("/api/v1/contacts", acme, "{\"primary_phone\":\"" + phone + "\",\"full_name\":\"Ivo Elsewhere\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        var acmeView = api.get("/api/v1/contacts/" + r.body().get("id").asString() + "/sms-consent", acme);
        assertThat(acmeView.body().path("numbers")).extracting(x -> x.path("state").asString()).isEqualTo(List.of("unknown"));
    }
}
