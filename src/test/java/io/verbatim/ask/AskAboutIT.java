package io.verbatim.ask;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Ask about a contact card ({@code contact_card_id}) or an appointment ({@code appointment_id}): answers cite only
 * that card's / appointment's conversations, within the caller's own scope; another tenant's id, or an appointment
 * the caller may not see, is 404.
 */
class AskAboutIT extends PlatformTest {

    private String upload(String admin, String call, String phone) throws Exception {
        byte[] transcript = Files.readAllBytes(TestData.call(call + ".json"));
        var r = new Uploads(api).upload(admin, new Part("transcript", call + ".json", "application/json", transcript),
                Part.json("metadata", """
                        {"external_id":"ask-about-%s","source":"test","direction":"inbound","channel":"phone",
                         "agent":"csr1@demo.local","customer":{"phone":"%s"}}""".formatted(UUID.randomUUID(), phone)));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return r.body().get("id").asString();
    }

    private static String phone() {
        return "+1512" + (2000000 + ThreadLocalRandom.current().nextInt(7999999));
    }

    private static List<String> cited(ApiClient.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.body().get("citations").forEach(c -> ids.add(c.get("conversation_id").asString()));
        return ids;
    }

    @Test
    void answersCiteOnlyTheCardsOrTheAppointmentsConversations() throws Exception {
        String admin = api.token("admin@demo.local");
        String phoneA = phone();
        String phoneB = phone();
        String callA = upload(admin, "csr_002", phoneA);
        String callB = upload(admin, "sup_005", phoneB);
        Uploads uploads = new Uploads(api);
        for (String id : List.of(callA, callB)) {
            assertThat(uploads.awaitStatus(admin, id, Duration.ofSeconds(180), "completed", "failed").get("status").asString())
                    .isEqualTo("completed");
        }
        String cardA = api.get("/api/v1/contacts?q=" + phoneA.substring(1), admin).body().get("items").get(0).get("id").asString();
        String cardB = api.get("/api/v1/contacts?q=" + phoneB.substring(1), admin).body().get("items").get(0).get("id").asString();
        String question = "How much is the diagnostic visit?";

        List<String> aboutA = cited(api.post("/api/v1/ask", admin,
                "{\"question\":\"" + question + "\",\"contact_card_id\":\"" + cardA + "\"}"));
        assertThat(aboutA).isNotEmpty().containsOnly(callA);
        assertThat(cited(api.post("/api/v1/ask", admin, "{\"question\":\"" + question + "\",\"contact_card_id\":\"" + cardB + "\"}")))
                .doesNotContain(callA);
        // csr2 reads the directory, but Ask still answers only from their own calls
        assertThat(cited(api.post("/api/v1/ask", api.token("csr2@demo.local"),
                "{\"question\":\"" + question + "\",\"contact_card_id\":\"" + cardA + "\"}"))).isEmpty();

        // an appointment booked in call A by csr1
        String rep = api.get("/api/v1/auth/me", api.token("rep1@demo.local")).body().get("user_id").asString();
        LocalDate day = LocalDate.of(2034, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));
        Instant start = day.atTime(7, 0).toInstant(ZoneOffset.UTC);
        var booked = api.post("/api/v1/appointments", api.token("csr1@demo.local"), """
                {"sales_rep_id":"%s","contact_card_id":"%s","source_conversation_id":"%s","scheduled_start":"%s","scheduled_end":"%s"}"""
                .formatted(rep, cardA, callA, start, start.plusSeconds(3600)));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String appointment = booked.body().get("appointment").get("id").asString();
        String aboutAppointment = "{\"question\":\"" + question + "\",\"appointment_id\":\"" + appointment + "\"}";
        assertThat(cited(api.post("/api/v1/ask", admin, aboutAppointment))).isNotEmpty().containsOnly(callA);
        assertThat(cited(api.post("/api/v1/ask", api.token("csr1@demo.local"), aboutAppointment))).isNotEmpty().containsOnly(callA);
        // csr2 did not book it: the appointment is not theirs to see
        assertThat(api.post("/api/v1/ask", api.token("csr2@demo.local"), aboutAppointment).status()).isEqualTo(404);

        // another tenant: both ids are unknown
        String acme = api.token("admin@acme.local");
        assertThat(api.post("/api/v1/ask", acme, "{\"question\":\"" + question + "\",\"contact_card_id\":\"" + cardA + "\"}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/ask", acme, aboutAppointment).status()).isEqualTo(404);
        // one subject at a time, and ids must be ids
        assertThat(api.post("/api/v1/ask", admin, "{\"question\":\"x\",\"contact_card_id\":\"" + cardA + "\",\"appointment_id\":\""
                + appointment + "\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/ask", admin, "{\"question\":\"x\",\"contact_card_id\":\"nope\"}").status()).isEqualTo(400);
        JsonNode none = api.post("/api/v1/ask", admin, "{\"question\":\"x\",\"contact_card_id\":\"" + UUID.randomUUID() + "\"}").body();
        assertThat(none.get("type").asString()).isEqualTo("urn:verbatim:problem:not-found");
    }
}
