package io.verbatim.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.contacts.ContactCards;
import io.verbatim.contacts.ContactHint;
import io.verbatim.support.ApiClient;
import io.verbatim.support.TestPhones;
import io.verbatim.tenancy.TenantId;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import io.verbatim.support.PlatformTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Booking, reading and changing appointments through the API: double bookings, roles and another tenant. */
class AppointmentsApiIT extends PlatformTest {

    @Autowired
    ContactCards cards;

    static final String CONFLICT = "urn:verbatim:problem:appointment-conflict";
    /** A day of its own in the shared database, so that runs and other tests never share a rep's slot. */
    private LocalDate day;
    private String admin;
    private String manager;
    private String exec;
    private String csr1;
    private String csr2;
    private String rep;
    private String acme;
    private String repId;
    private String csr1Id;

    @BeforeEach
    void setUp() {
        day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));
        admin = api.token("admin@demo.local");
        manager = api.token("manager@demo.local");
        exec = api.token("exec@demo.local");
        csr1 = api.token("csr1@demo.local");
        csr2 = api.token("csr2@demo.local");
        rep = api.token("rep1@demo.local");
        acme = api.token("admin@acme.local");
        repId = userId(rep);
        csr1Id = userId(csr1);
    }

    String userId(String token) {
        return api.get("/api/v1/auth/me", token).body().get("user_id").asString();
    }

    Instant at(int hour, int minute) {
        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    ApiClient.Response book(String token, String rep, Instant start, Instant end, String extra) {
        return api.post("/api/v1/appointments", token, """
                {"sales_rep_id":"%s","service_type":"roof_replacement","scheduled_start":"%s","scheduled_end":"%s"%s}"""
                .formatted(rep, start, end, extra == null ? "" : "," + extra));
    }

    @Test
    void aCsrBooksTheRepReadsAndClosesItAndOthersSeeOnlyWhatTheirRoleAllows() {
        var booked = book(csr1, repId, at(9, 0), at(10, 30), "\"notes\":\"Side gate code 1234\"");
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        JsonNode a = booked.body().get("appointment");
        String id = a.get("id").asString();
        assertThat(a.get("booked_by_id").asString()).isEqualTo(csr1Id);
        assertThat(a.get("status").asString()).isEqualTo("scheduled");
        assertThat(a.get("outcome").asString()).isEqualTo("open");

        assertThat(api.get("/api/v1/appointments/" + id, rep).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/appointments/" + id, exec).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/appointments/" + id, manager).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/appointments/" + id, csr2).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/appointments/" + id, acme).status()).isEqualTo(404);

        String patch = "{\"status\":\"completed\",\"outcome\":\"closed_won\",\"deal_value\":12500.50}";
        assertThat(api.patch("/api/v1/appointments/" + id, exec, patch).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/appointments/" + id, csr1, patch).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/appointments/" + id, acme, patch).status()).isEqualTo(404);
        var closed = api.patch("/api/v1/appointments/" + id, rep, patch);
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.body().get("appointment").get("outcome").asString()).isEqualTo("closed_won");
        assertThat(closed.body().get("appointment").get("deal_value").asDouble()).isEqualTo(12500.50);
        assertThat(api.patch("/api/v1/appointments/" + id, manager, "{\"status\":\"done\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-appointment");

        String range = "?from=" + at(0, 0) + "&to=" + at(23, 59);
        assertThat(ids(api.get("/api/v1/appointments" + range, csr1))).contains(id);
        assertThat(ids(api.get("/api/v1/appointments" + range, rep))).contains(id);
        assertThat(ids(api.get("/api/v1/appointments" + range, exec))).contains(id);
        assertThat(ids(api.get("/api/v1/appointments" + range, csr2))).doesNotContain(id);
        assertThat(ids(api.get("/api/v1/appointments" + range, acme))).isEmpty();

        var dayView = api.get("/api/v1/reps/" + repId + "/appointments?date=" + day, rep);
        assertThat(dayView.status()).as(dayView.raw()).isEqualTo(200);
        assertThat(dayView.body().findValuesAsString("id")).contains(id);
        assertThat(api.get("/api/v1/reps/" + repId + "/appointments?date=" + day, csr2).body()).isEmpty();
        assertThat(api.get("/api/v1/reps/" + repId + "/appointments?date=" + day, acme).body()).isEmpty();
        assertThat(api.get("/api/v1/reps/" + csr1Id + "/appointments?date=" + day, rep).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reps/" + repId + "/appointments?date=tomorrow", rep).problemType())
                .isEqualTo("urn:verbatim:problem:invalid-date");
    }

    @Test
    void theDetailCarriesTheContactCardAndAnotherTenantsCardCannotBeNamed() {
        UUID card = cards.findOrCreate(TenantId.of("demo-tenant"),
                new ContactHint(TestPhones.unique(), null, "Pat Homeowner", null));
        UUID acmeCard = cards.findOrCreate(TenantId.of("acme"), ContactHint.phone("+1 646 555 0191"));
        var booked = book(csr1, repId, at(11, 0), at(12, 0), "\"contact_card_id\":\"" + card + "\"");
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        var detail = api.get("/api/v1/appointments/" + booked.body().get("appointment").get("id").asString(), rep);
        assertThat(detail.body().get("contact").get("id").asString()).isEqualTo(card.toString());
        assertThat(detail.body().get("contact").get("full_name").asString()).isEqualTo("Pat Homeowner");
        assertThat(detail.body().has("property_details")).isTrue();
        assertThat(book(csr1, repId, at(12, 0), at(13, 0), "\"contact_card_id\":\"" + acmeCard + "\"").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-contact");

        // A merge of the card moves the appointment to the surviving card.
        UUID survivor = cards.findOrCreate(TenantId.of("demo-tenant"),
                ContactHint.phone(TestPhones.unique()));
        var merged = api.post("/api/v1/contacts/" + survivor + "/merge", admin, "{\"duplicate_id\":\"" + card + "\"}");
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        var moved = api.get("/api/v1/appointments/" + booked.body().get("appointment").get("id").asString(), admin);
        assertThat(moved.body().get("appointment").get("contact_card_id").asString()).isEqualTo(survivor.toString());
    }

    @Test
    void onlyCsrsManagersAndAdminsBookAndOnlyForASalesRep() {
        assertThat(book(exec, repId, at(8, 0), at(9, 0), null).status()).isEqualTo(403);
        assertThat(book(rep, repId, at(8, 0), at(9, 0), null).status()).isEqualTo(403);
        assertThat(book(csr1, csr1Id, at(8, 0), at(9, 0), null).problemType()).isEqualTo("urn:verbatim:problem:invalid-sales-rep");
        // Another tenant's admin cannot book a rep of this tenant: the rep is not one of theirs.
        assertThat(book(acme, repId, at(8, 0), at(9, 0), null).problemType()).isEqualTo("urn:verbatim:problem:invalid-sales-rep");
        assertThat(book(manager, repId, at(9, 0), at(8, 0), null).problemType()).isEqualTo("urn:verbatim:problem:invalid-appointment");
        var byManager = book(manager, repId, at(8, 0), at(9, 0), "\"booked_by_id\":\"" + csr1Id + "\"");
        assertThat(byManager.status()).as(byManager.raw()).isEqualTo(201);
        assertThat(byManager.body().get("appointment").get("booked_by_id").asString()).isEqualTo(csr1Id);
    }

    @Test
    void anOverlappingBookingIsRefusedNamingTheAppointmentThatHoldsTheSlot() {
        String first = book(csr1, repId, at(13, 0), at(15, 0), null).body().get("appointment").get("id").asString();
        var overlap = book(csr2, repId, at(14, 0), at(16, 0), null);
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.problemType()).isEqualTo(CONFLICT);
        assertThat(overlap.body().get("conflicting_appointment_id").asString()).isEqualTo(first);
        // Back to back is no overlap (ranges are half-open).
        var next = book(csr2, repId, at(15, 0), at(16, 0), null);
        assertThat(next.status()).isEqualTo(201);
        // Moving one onto the other is refused too.
        String nextId = next.body().get("appointment").get("id").asString();
        var moved = api.patch("/api/v1/appointments/" + nextId, manager, "{\"scheduled_start\":\"" + at(14, 30) + "\"}");
        assertThat(moved.problemType()).isEqualTo(CONFLICT);
        assertThat(moved.body().get("conflicting_appointment_id").asString()).isEqualTo(first);
        // A cancelled appointment frees its slot.
        assertThat(api.patch("/api/v1/appointments/" + first, manager, "{\"status\":\"cancelled\"}").status()).isEqualTo(200);
        assertThat(book(csr2, repId, at(13, 30), at(14, 30), null).status()).isEqualTo(201);
    }

    @Test
    void twoConcurrentBookingsOfOneSlotExactlyOneWins() throws Exception {
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String token = i % 2 == 0 ? csr1 : csr2;
                int offset = i;
                results.add(pool.submit(() -> {
                    start.await();
                    ApiClient client = new ApiClient(port);
                    return book(client, token, at(17, offset), at(18, 0));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var f : results) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private ApiClient.Response book(ApiClient client, String token, Instant start, Instant end) {
        return client.post("/api/v1/appointments", token, """
                {"sales_rep_id":"%s","scheduled_start":"%s","scheduled_end":"%s"}""".formatted(repId, start, end));
    }

    @Test
    void theSameIdempotencyKeyBooksOnce() {
        String key = "book-" + day;
        String body = """
                {"sales_rep_id":"%s","scheduled_start":"%s","scheduled_end":"%s"}""".formatted(repId, at(19, 0), at(20, 0));
        var first = api.send("POST", "/api/v1/appointments", csr1, Map.of("Idempotency-Key", key), body);
        var again = api.send("POST", "/api/v1/appointments", csr1, Map.of("Idempotency-Key", key), body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("appointment").get("id")).isEqualTo(first.body().get("appointment").get("id"));
    }

    static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
