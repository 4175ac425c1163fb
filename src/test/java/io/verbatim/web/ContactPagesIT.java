package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /contacts} and {@code /contacts/{id}} server-side: the card (identity, address, property, AI fields), its
 * timeline of calls, leads, appointments and tasks, each in the caller's role scope, search, the link from Call
 * Detail, and another tenant's card as a 404.
 */
class ContactPagesIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    private ApiClient.Response page(String path, String token) {
        return api.send("GET", path, token, HTML, null);
    }

    private String userId(String token) {
        return api.get("/api/v1/auth/me", token).body().get("user_id").asString();
    }

    @Test
    void theCardShowsItsTimelineInEachRolesScopeAndAnotherTenantGetsA404() throws Exception {
        String admin = api.token("admin@demo.local");
        String csr1 = api.token("csr1@demo.local");
        String csr2 = api.token("csr2@demo.local");
        String rep = api.token("rep1@demo.local");
        String phone = "+1612" + (2000000 + ThreadLocalRandom.current().nextInt(7999999));
        String last = "Pagecard" + UUID.randomUUID().toString().substring(0, 6);
        var created = api.post("/api/v1/contacts", admin, """
                {"primary_phone":"%s","first_name":"Rita","last_name":"%s","address":{"line1":"9 Elm St","city":"Austin",
                 "state":"TX","zip":"78701"},"property":{"roof_type":"asphalt_shingle","square_feet":2100,"year_built":1998}}"""
                .formatted(phone, last));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String card = created.body().get("id").asString();

        // a call of csr1 from that number, analysed through the real pipeline
        Uploads uploads = new Uploads(api);
        byte[] call = Files.readAllBytes(TestData.call("csr_002.json"));
        var up = uploads.upload(admin, new Part("transcript", "csr_002.json", "application/json", call), Part.json("metadata", """
                {"external_id":"cp-%s","source":"test","direction":"inbound","agent":"csr1@demo.local","customer":{"phone":"%s"}}"""
                .formatted(UUID.randomUUID(), phone)));
        assertThat(up.status()).as(up.raw()).isEqualTo(202);
        String conversation = up.body().get("id").asString();
        uploads.awaitStatus(admin, conversation, Duration.ofSeconds(120), "completed", "failed");

        // an appointment csr1 books with rep1, and a task csr2 adds for themselves on the card
        LocalDate day = LocalDate.of(2032, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));
        var booked = api.post("/api/v1/appointments", csr1, """
                {"sales_rep_id":"%s","contact_card_id":"%s","service_type":"roof_inspection","scheduled_start":"%s","scheduled_end":"%s"}"""
                .formatted(userId(rep), card, day.atTime(9, 0).toInstant(ZoneOffset.UTC), day.atTime(10, 0).toInstant(ZoneOffset.UTC)));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String appointment = booked.body().get("appointment").get("id").asString();
        var task = api.post("/api/v1/tasks", csr2, """
                {"title":"Send Rita the brochure","category":"send_info","contact_card_id":"%s"}""".formatted(card));
        assertThat(task.status()).as(task.raw()).isEqualTo(201);
        String taskId = task.body().get("id").asString();

        // the API's timeline holds every kind, for those who see everything
        JsonNode timeline = api.get("/api/v1/contacts/" + card, admin).body().get("timeline");
        assertThat(timeline.findValuesAsString("type")).contains("conversation", "appointment", "task");
        assertThat(timeline.findValuesAsString("id")).contains(conversation, appointment, taskId);

        var byAdmin = page("/contacts/" + card, admin);
        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
        assertThat(byAdmin.raw()).contains("Rita " + last, phone, "9 Elm St", "Austin", "asphalt_shingle", "1998",
                        "id=\"last-call-summary\"", "data-id=\"" + conversation + "\"", "data-id=\"" + appointment + "\"",
                        "data-id=\"" + taskId + "\"", "Send Rita the brochure", "/calls/" + conversation)
                .doesNotContain("Exception");

        // csr1: their call and the appointment they booked, not csr2's task
        var byCsr1 = page("/contacts/" + card, csr1).raw();
        assertThat(byCsr1).contains("data-id=\"" + conversation + "\"", "data-id=\"" + appointment + "\"")
                .doesNotContain("data-id=\"" + taskId + "\"");
        // csr2: only their own task
        var byCsr2 = page("/contacts/" + card, csr2).raw();
        assertThat(byCsr2).contains("data-id=\"" + taskId + "\"")
                .doesNotContain("data-id=\"" + conversation + "\"", "data-id=\"" + appointment + "\"");
        // rep1: the appointment assigned to them, not the CSR's call
        var byRep = page("/contacts/" + card, rep).raw();
        assertThat(byRep).contains("data-id=\"" + appointment + "\"").doesNotContain("data-id=\"" + conversation + "\"");
        assertThat(page("/contacts/" + card, api.token("exec@demo.local")).status()).isEqualTo(200);

        // search by phone in another format, by last name; the list links to the card
        String national = "(" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);
        for (String q : new String[] {national, last.toLowerCase()}) {
            var list = page("/contacts?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), csr2);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.raw()).as(q).contains("/contacts/" + card);
        }
        assertThat(page("/contacts?q=nobody-" + UUID.randomUUID(), admin).raw()).contains("id=\"no-contacts\"");

        // Call Detail links to the card
        assertThat(page("/calls/" + conversation, admin).raw()).contains("id=\"contact-card-link\"", "/contacts/" + card);

        // another tenant: the card is a 404 page, and its search does not find it
        String acme = api.token("admin@acme.local");
        var foreign = page("/contacts/" + card, acme);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).doesNotContain(last, phone);
        assertThat(page("/contacts?q=" + last.toLowerCase(), acme).raw()).doesNotContain(card);
        assertThat(page("/contacts/not-a-uuid", admin).status()).isEqualTo(404);
        assertThat(page("/contacts", null).status()).isEqualTo(302);
    }
}
