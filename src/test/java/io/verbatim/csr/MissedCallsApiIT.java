package io.verbatim.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The missed-call queue: webhook statuses and calls without agent speech, rescue attribution, roles and tenants. */
class MissedCallsApiIT extends PlatformTest {

    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
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

    /** Accepts a call as the intake does; attributes as a CallRail or Retell webhook stores them. */
    String call(String phone, String channel, String direction, Instant at, String attributes, byte[] transcript) {
        var r = uploads.upload(admin, new Part("transcript", "call.json", "application/json", transcript), Part.json("metadata", """
                {"external_id":"missed-%s","source":"test","direction":"%s","channel":"%s","started_at":"%s",
                 "agent":"csr1@demo.local","customer":{"phone":"%s","name":"Miss Ed"},"attributes":%s}"""
                .formatted(UUID.randomUUID(), direction, channel, at, phone, attributes)));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return r.body().get("id").asString();
    }

    byte[] transcript() throws Exception {
        return Files.readAllBytes(TestData.call("csr_002.json"));
    }

    void awaitAnalysed(String id) {
        assertThat(uploads.awaitStatus(admin, id, Duration.ofSeconds(90), "completed", "failed").get("status").asString())
                .isEqualTo("completed");
    }

    String card(String phone) {
        return api.get("/api/v1/contacts?q=" + phone.substring(1), admin).body().get("items").get(0).get("id").asString();
    }

    void book(String card) {
        String rep = api.get("/api/v1/auth/me", api.token("rep1@demo.local")).body().get("user_id").asString();
        LocalDate day = LocalDate.of(2033, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));
        Instant start = day.atTime(9, ThreadLocalRandom.current().nextInt(0, 50)).toInstant(ZoneOffset.UTC);
        var r = api.post("/api/v1/appointments", api.token("csr1@demo.local"), """
                {"sales_rep_id":"%s","contact_card_id":"%s","scheduled_start":"%s","scheduled_end":"%s"}"""
                .formatted(rep, card, start, start.plus(1, ChronoUnit.HOURS)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    JsonNode queueItem(ApiClient.Response queue, String conversation) {
        for (JsonNode item : queue.body().get("items")) {
            if (item.get("conversation_id").asString().equals(conversation)) {
                return item;
            }
        }
        return null;
    }

    long metric(String name) {
        var r = api.get("/api/v1/missed-calls/queue/metrics?days=7", admin);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get(name).asLong();
    }

    @Test
    void missedCallsEnterTheQueueAndOnlyABookingRescuesThemAttributedByWhatHappenedBetween() throws Exception {
        long total = metric("missed_calls_total");
        long auto = metric("calls_rescued_by_auto");
        long humans = metric("calls_rescued_by_humans");
        long open = metric("open_queue");
        Instant now = Instant.now();

        // Missed (CallRail "missed"), then a voice agent called back, then the caller was booked: rescued by ai_voice.
        String voicePhone = newNumber();
        String missedVoice = call(voicePhone, "phone", "inbound", now.minus(3, ChronoUnit.HOURS), "{\"call_type\":\"missed\"}", transcript());
        String callBack = call(voicePhone, "voice_agent", "outbound", now.minus(2, ChronoUnit.HOURS), "{}", transcript());
        awaitAnalysed(missedVoice);
        awaitAnalysed(callBack);
        // Voicemail (Retell in_voicemail), then a person booked the caller: rescued by a human.
        String humanPhone = newNumber();
        String missedHuman = call(humanPhone, "phone", "inbound", now.minus(3, ChronoUnit.HOURS), "{\"in_voicemail\":true}", transcript());
        awaitAnalysed(missedHuman);
        // Busy (a Vapi-style ended reason), called back but never booked: stays in the queue.
        String openPhone = newNumber();
        String missedOpen = call(openPhone, "phone", "inbound", now.minus(3, ChronoUnit.HOURS), "{\"ended_reason\":\"customer-busy\"}", transcript());
        String unanswered = call(openPhone, "voice_agent", "outbound", now.minus(2, ChronoUnit.HOURS), "{}", transcript());
        awaitAnalysed(missedOpen);
        awaitAnalysed(unanswered);
        // An answered call is not missed.
        String answered = call(newNumber(), "phone", "inbound", now.minus(3, ChronoUnit.HOURS), "{}", transcript());
        awaitAnalysed(answered);

        var before = api.get("/api/v1/missed-calls/queue?days=7", admin);
        assertThat(queueItem(before, missedVoice).get("reason").asString()).isEqualTo("no_answer");
        assertThat(queueItem(before, missedHuman).get("reason").asString()).isEqualTo("voicemail");
        assertThat(queueItem(before, missedOpen).get("reason").asString()).isEqualTo("busy");
        assertThat(queueItem(before, missedOpen).get("status").asString()).isEqualTo("open");
        assertThat(queueItem(before, answered)).isNull();
        assertThat(queueItem(before, callBack)).isNull();

        book(card(voicePhone));
        book(card(humanPhone));

        var after = api.get("/api/v1/missed-calls/queue?days=7", admin);
        assertThat(queueItem(after, missedVoice)).isNull();
        assertThat(queueItem(after, missedHuman)).isNull();
        assertThat(queueItem(after, missedOpen)).isNotNull();
        assertThat(metric("missed_calls_total")).isEqualTo(total + 3);
        assertThat(metric("calls_rescued_by_auto")).isEqualTo(auto + 1);
        assertThat(metric("calls_rescued_by_humans")).isEqualTo(humans + 1);
        assertThat(metric("open_queue")).isEqualTo(open + 1);

        // Roles: CSRs share the queue, executives and managers read it, sales reps do not; another tenant sees none of it.
        assertThat(queueItem(api.get("/api/v1/missed-calls/queue?days=7", api.token("csr2@demo.local")), missedOpen)).isNotNull();
        assertThat(queueItem(api.get("/api/v1/missed-calls/queue?days=7", api.token("exec@demo.local")), missedOpen)).isNotNull();
        assertThat(queueItem(api.get("/api/v1/missed-calls/queue?days=7", api.token("manager@demo.local")), missedOpen)).isNotNull();
        assertThat(api.get("/api/v1/missed-calls/queue", api.token("rep1@demo.local")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/missed-calls/queue/metrics", api.token("rep1@demo.local")).status()).isEqualTo(403);
        var acme = api.get("/api/v1/missed-calls/queue?days=7", api.token("admin@acme.local"));
        assertThat(acme.status()).isEqualTo(200);
        assertThat(queueItem(acme, missedOpen)).isNull();
        assertThat(api.get("/api/v1/missed-calls/queue?days=12", admin).problemType()).isEqualTo("urn:verbatim:problem:invalid-period");
    }

    @Test
    void aCallWithNoAgentSpeechIsMissed() throws Exception {
        JsonNode call = json.readTree(transcript());
        var turns = ((tools.jackson.databind.node.ArrayNode) call.get("turns"));
        for (int i = turns.size() - 1; i >= 0; i--) {
            if ("agent".equals(turns.get(i).get("speaker").asString())) {
                turns.remove(i);
            }
        }
        String id = call(newNumber(), "phone", "inbound", Instant.now().minus(1, ChronoUnit.HOURS), "{}", json.writeValueAsBytes(call));
        awaitAnalysed(id);
        JsonNode item = queueItem(api.get("/api/v1/missed-calls/queue?days=7", admin), id);
        assertThat(item).isNotNull();
        assertThat(item.get("reason").asString()).isEqualTo("no_agent_speech");
    }

    @Test
    void aCsrClosesAQueueItemByHandOnceExecutivesAndRepsMayNotAndAnotherTenantGetsA404() throws Exception {
        String phone = newNumber();
        String missed = call(phone, "phone", "inbound", Instant.now().minus(1, ChronoUnit.HOURS), "{\"call_type\":\"voicemail\"}", transcript());
        String answered = call(newNumber(), "phone", "inbound", Instant.now().minus(1, ChronoUnit.HOURS), "{}", transcript());
        awaitAnalysed(answered);
        long closedBefore = metric("closed_by_hand");
        long openBefore = metric("open_queue");
        String path = "/api/v1/missed-calls/queue/" + missed + "/close";

        assertThat(api.post(path, api.token("exec@demo.local"), "{\"reason\":\"called_back\"}").status()).isEqualTo(403);
        assertThat(api.post(path, api.token("rep1@demo.local"), "{\"reason\":\"called_back\"}").status()).isEqualTo(403);
        var foreign = api.post(path, api.token("admin@acme.local"), "{\"reason\":\"called_back\"}");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.post(path, api.token("csr2@demo.local"), "{\"reason\":\"maybe\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-reason");
        assertThat(api.post("/api/v1/missed-calls/queue/" + answered + "/close", admin, "{}").status()).isEqualTo(404);
        assertThat(queueItem(api.get("/api/v1/missed-calls/queue?days=7", admin), missed)).isNotNull();

        var closed = api.post(path, api.token("csr2@demo.local"), "{\"reason\":\"not_a_lead\",\"note\":\"Wrong number\"}");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.body().get("already_closed").asBoolean()).isFalse();
        assertThat(queueItem(api.get("/api/v1/missed-calls/queue?days=7", admin), missed)).isNull();
        assertThat(metric("closed_by_hand")).isEqualTo(closedBefore + 1);
        assertThat(metric("open_queue")).isEqualTo(openBefore - 1);
        var again = api.post(path, api.token("manager@demo.local"), "{\"reason\":\"spam\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("already_closed").asBoolean()).isTrue();
        assertThat(metric("closed_by_hand")).isEqualTo(closedBefore + 1);
        assertThat(api.get("/api/v1/audit?action=missed_call.closed", admin).raw()).contains(missed);
    }
}
