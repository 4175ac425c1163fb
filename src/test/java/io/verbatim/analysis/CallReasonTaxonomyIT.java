package io.verbatim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A tenant's own call-reason taxonomy through the real API: saved, used by the pipeline and the preview, validated. */
class CallReasonTaxonomyIT extends PlatformTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String CONFIG = "/api/v1/analysis/qa-config";
    private static final List<String> KEYS = List.of("check_balance", "get_branch_hours", "order_checks", "pay_bill",
            "replace_card", "reset_password", "schedule_appointment", "transfer_money");

    @Test
    void anImportedCallGetsAReasonFromTheTenantsTaxonomy() throws Exception {
        String admin = api.token("admin@demo.local");
        ObjectNode config = (ObjectNode) api.get(CONFIG, admin).body().deepCopy();
        ArrayNode reasons = config.putArray("call_reasons");
        for (String key : KEYS) {
            reasons.addObject().put("key", key); // keys alone: their words describe them
        }
        // One reason with a description and examples, as a tenant would refine it.
        ObjectNode card = (ObjectNode) reasons.get(KEYS.indexOf("replace_card"));
        card.put("description", "a lost, stolen or damaged card to be replaced");
        card.putArray("examples").add("I lost my debit card").add("can you send me a new card");
        try {
            var saved = api.send("PUT", CONFIG, admin, Map.of(), api.json().writeValueAsString(config));
            assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
            assertThat(saved.body().get("call_reasons").size()).isEqualTo(KEYS.size());
            assertThat(api.get(CONFIG, admin).body().get("call_reasons").get(KEYS.indexOf("replace_card"))
                    .get("examples").size()).isEqualTo(2);

            // A Harper Valley bank call: "i lost my debit card, can you send me a new one".
            Uploads uploads = new Uploads(api);
            byte[] transcript = Files.readAllBytes(TestData.root().resolve("external/harper_valley/hvb_0002f70f7386445b.json"));
            var r = uploads.upload(admin, new Part("transcript", "hvb.json", "application/json", transcript),
                    Part.json("metadata", """
                            {"external_id":"reason-%s","direction":"inbound","channel":"phone","agent":"csr1@demo.local"}"""
                            .formatted(UUID.randomUUID())));
            assertThat(r.status()).as(r.raw()).isEqualTo(202);
            String id = r.body().get("id").asString();
            JsonNode done = uploads.awaitStatus(admin, id, WAIT, "completed", "failed");
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");

            var analysis = api.get("/api/v1/conversations/" + id + "/analysis", admin);
            assertThat(analysis.status()).isEqualTo(200);
            String reason = analysis.body().get("call").get("call_reason").asString();
            assertThat(KEYS).contains(reason);
            assertThat(reason).isEqualTo("replace_card");

            // The preview classifies with the config it is given, saved or not.
            ObjectNode edited = config.deepCopy();
            edited.putArray("call_reasons").addObject().put("key", "report_lost_card");
            edited.withArray("call_reasons").addObject().put("key", "open_account");
            ObjectNode body = api.json().createObjectNode();
            body.set("config", edited);
            body.put("conversation_id", id);
            var preview = api.post(CONFIG + "/preview", admin, api.json().writeValueAsString(body));
            assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
            assertThat(preview.body().get("call_reason").asString()).isEqualTo("report_lost_card");
        } finally {
            assertThat(api.delete(CONFIG, admin).status()).isEqualTo(204);
        }
    }

    @Test
    void anInvalidTaxonomyIsA422NamingEachPath() {
        String admin = api.token("admin@demo.local");
        ObjectNode config = (ObjectNode) api.get(CONFIG, admin).body().deepCopy();
        config.set("call_reasons", api.json().readTree("""
                [ {"description": "no key"},
                  {"key": "pay_bill", "description": 5, "examples": "pay my bill"},
                  {"key": "pay_bill"},
                  {"key": "Replace Card", "examples": [3, "  "]},
                  {"key": "other"},
                  {"key": "close_account", "colour": "red"},
                  "check_balance" ]"""));
        var r = api.send("PUT", CONFIG, admin, Map.of(), api.json().writeValueAsString(config));
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.problemType()).isEqualTo("urn:verbatim:problem:invalid-qa-config");
        List<String> paths = new ArrayList<>();
        r.body().get("errors").forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths).contains("$.call_reasons[0].key", "$.call_reasons[1].description", "$.call_reasons[1].examples",
                "$.call_reasons[2].key", "$.call_reasons[3].key", "$.call_reasons[3].examples[0]",
                "$.call_reasons[3].examples[1]", "$.call_reasons[4].key", "$.call_reasons[5].colour", "$.call_reasons[6]");
        assertThat(r.raw()).contains("duplicate call reason key 'pay_bill'");

        config.put("call_reasons", "check_balance");
        var notAList = api.send("PUT", CONFIG, admin, Map.of(), api.json().writeValueAsString(config));
        assertThat(notAList.status()).isEqualTo(422);
        assertThat(notAList.raw()).contains("$.call_reasons");
        // Nothing was saved.
        assertThat(api.get(CONFIG, admin).body().has("call_reasons")).isFalse();
    }
}
