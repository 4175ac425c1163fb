package io.verbatim.messages.internal;

import io.verbatim.support.TestPhones;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.appointments.Appointment;
import io.verbatim.appointments.Appointments;
import io.verbatim.appointments.NewAppointment;
import io.verbatim.contacts.ContactCards;
import io.verbatim.contacts.ContactHint;
import io.verbatim.platform.ProblemException;
import io.verbatim.support.ApiClient;
import io.verbatim.support.LocalHttpServer;
import io.verbatim.support.LocalHttpServer.Reply;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Confirmations and reminders of appointments through the Twilio protocol: only when enabled, never twice. */
class AppointmentMessagesIT extends PlatformTest {

    private static final TenantId DEMO = TenantId.of("demo-tenant");
    private static final String SID = "AC" + "fedcba9876543210fedcba9876543210";
    private static final String TOKEN = "twilio-token-" + UUID.randomUUID();

    @Autowired
    AppointmentMessages job;
    @Autowired
    Appointments appointments;
    @Autowired
    ContactCards cards;

    private LocalHttpServer twilio;
    private String admin;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        twilio = new LocalHttpServer().handle(r -> Reply.json(201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"status\":\"queued\"}"));
        var r = api.put("/api/v1/credentials/twilio", admin, api.json().writeValueAsString(Map.of("account_sid", SID,
                "auth_token", TOKEN, "from_number", "+15005550006", "api_base_url", twilio.url(""))));
        assertThat(r.status()).isIn(200, 201);
        // quiet hours would hold these automatic texts when the suite runs at night: SmsConsentGatingIT covers them
        assertThat(api.put("/api/v1/messages/settings", admin, "{\"quiet_hours\":null}").status()).isEqualTo(200);
    }

    @AfterEach
    void tearDown() {
        api.put("/api/v1/messages/settings", admin, "{\"confirmations_enabled\":false,\"reminders_enabled\":false,"
                + "\"quiet_hours\":{\"start\":\"21:00\",\"end\":\"08:00\",\"time_zone\":null}}");
        twilio.close();
    }

    @Test
    void nothingGoesOutUntilEnabledThenOneConfirmationAndOneReminderEach() throws Exception {
        api.put("/api/v1/messages/settings", admin, "{\"confirmations_enabled\":false,\"reminders_enabled\":false}");
        String phone = TestPhones.unique();
        UUID card = cards.findOrCreate(DEMO, new ContactHint(phone, null, "Pat Patient", null));
        Appointment soon = book(card, Instant.now().plus(Duration.ofHours(3)));
        TenantContext.runAs(DEMO, () -> job.run(DEMO));
        assertThat(messagesOf(soon)).isEmpty();

        var saved = api.put("/api/v1/messages/settings", admin,
                "{\"confirmations_enabled\":true,\"reminders_enabled\":true,\"reminder_hours_before\":24,\"channel\":\"sms\"}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().path("reminders_enabled").asBoolean()).isTrue();
        // Booked before confirmations were switched on: reminded, not confirmed.
        Appointment later = book(card, Instant.now().plus(Duration.ofDays(20)));
        Appointment soonAfter = book(card, Instant.now().plus(Duration.ofHours(5)));

        // Two scans at once (two nodes, or a slow scan overlapping the next): still one of each.
        CompletableFuture<?> a = CompletableFuture.runAsync(() -> TenantContext.runAs(DEMO, () -> job.run(DEMO)));
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> TenantContext.runAs(DEMO, () -> job.run(DEMO)));
        CompletableFuture.allOf(a, b).get();
        TenantContext.runAs(DEMO, () -> job.run(DEMO));

        assertThat(purposes(soon)).containsExactly("reminder");
        assertThat(purposes(later)).containsExactly("confirmation");
        assertThat(purposes(soonAfter)).containsExactlyInAnyOrder("confirmation", "reminder");
        var sent = messagesOf(soonAfter);
        sent.forEach(m -> assertThat(m.path("to").asString()).isEqualTo(phone));
        List<String> bodies = twilio.requests().stream().map(LocalHttpServer.Request::text)
                .map(t -> URLDecoder.decode(t, StandardCharsets.UTF_8)).filter(t -> t.contains("To=" + phone)).toList();
        assertThat(bodies).hasSize(4);
        assertThat(bodies).anyMatch(t -> t.contains("is confirmed for")).anyMatch(t -> t.contains("Reminder: your"));
    }

    @Test
    void theConfirmationLeavesWhenTheAppointmentIsBookedAndTheScanSendsItNoMore() {
        var saved = api.put("/api/v1/messages/settings", admin,
                "{\"confirmations_enabled\":true,\"reminders_enabled\":false,\"channel\":\"sms\"}");
        assertThat(saved.status()).isEqualTo(200);
        String phone = TestPhones.unique();
        UUID card = cards.findOrCreate(DEMO, new ContactHint(phone, null, "Bo Booked", null));

        // No scan runs here: the booking itself sends it.
        Appointment booked = book(card, Instant.now().plus(Duration.ofDays(9)));
        assertThat(purposes(booked)).containsExactly("confirmation");
        assertThat(messagesOf(booked).getFirst().path("status").asString()).isEqualTo("queued");
        assertThat(twilio.requests().stream().map(LocalHttpServer.Request::text)
                .map(t -> URLDecoder.decode(t, StandardCharsets.UTF_8)).filter(t -> t.contains("To=" + phone))).hasSize(1);

        // The scan (the catch-up) finds it sent and sends nothing more.
        TenantContext.runAs(DEMO, () -> job.run(DEMO));
        assertThat(purposes(booked)).containsExactly("confirmation");
        assertThat(twilio.requests().stream().map(LocalHttpServer.Request::text)
                .map(t -> URLDecoder.decode(t, StandardCharsets.UTF_8)).filter(t -> t.contains("To=" + phone))).hasSize(1);
    }

    /**
     * A confirmation Twilio could not take (503) is tried again on the scan after the backoff, a bounded number of times,
     * then left failed and visible; one Twilio refuses for good (400, an invalid number) is not tried again; one whose
     * retry finds Twilio back is sent.
     */
    @Test
    void failedConfirmationsAreRetriedWithBackoffThenLeftFailed() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        String permanent = TestPhones.unique();
        try (LocalHttpServer flaky = new LocalHttpServer().handle(r -> {
            if (URLDecoder.decode(r.text(), StandardCharsets.UTF_8).contains("To=" + permanent)) {
                return Reply.json(400, "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}");
            }
            return down.get() ? Reply.json(503, "{\"code\":20500,\"message\":\"Service unavailable\"}")
                    : Reply.json(201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}");
        })) {
            assertThat(api.put("/api/v1/credentials/twilio", admin, api.json().writeValueAsString(Map.of("account_sid", SID,
                    "auth_token", TOKEN, "from_number", "+15005550006", "api_base_url", flaky.url("")))).status()).isIn(200, 201);
            assertThat(api.put("/api/v1/messages/settings", admin,
                    "{\"confirmations_enabled\":true,\"reminders_enabled\":false,\"channel\":\"sms\"}").status()).isEqualTo(200);

            String phone = TestPhones.unique();
            Appointment giveUp = book(cards.findOrCreate(DEMO, new ContactHint(phone, null, "Gil Retry", null)),
                    Instant.now().plus(Duration.ofDays(11)));
            tools.jackson.databind.JsonNode first = messagesOf(giveUp).getFirst();
            assertThat(first.path("status").asString()).isEqualTo("failed");
            assertThat(first.path("error").asString()).contains("503");
            assertThat(first.path("attempts").asInt()).isEqualTo(1);
            Instant next = Instant.parse(first.path("next_attempt_at").asString());
            assertThat(next).isBetween(Instant.now().plus(Duration.ofSeconds(30)), Instant.now().plus(Duration.ofMinutes(2)));

            // Not due yet: nothing is tried.
            TenantContext.runAs(DEMO, () -> job.retryDue(Instant.now()));
            assertThat(messagesOf(giveUp).getFirst().path("attempts").asInt()).isEqualTo(1);
            assertThat(requestsTo(flaky, phone)).isEqualTo(1);

            // Due: tried again, each wait longer than the one before, until the last of 5 tries; then it stays failed.
            java.time.Duration previous = Duration.between(Instant.now(), next);
            for (int attempt = 2; attempt <= 5; attempt++) {
                Instant at = Instant.now().plus(Duration.ofDays(1));
                TenantContext.runAs(DEMO, () -> job.retryDue(at));
                tools.jackson.databind.JsonNode m = messagesOf(giveUp).getFirst();
                assertThat(m.path("attempts").asInt()).isEqualTo(attempt);
                assertThat(m.path("status").asString()).isEqualTo("failed");
                if (attempt < 5) {
                    java.time.Duration wait = Duration.between(Instant.now(), Instant.parse(m.path("next_attempt_at").asString()));
                    assertThat(wait).isGreaterThan(previous);
                    previous = wait;
                } else {
                    assertThat(m.path("next_attempt_at").isNull() || m.path("next_attempt_at").isMissingNode()).isTrue();
                }
            }
            TenantContext.runAs(DEMO, () -> job.retryDue(Instant.now().plus(Duration.ofDays(30))));
            assertThat(messagesOf(giveUp).getFirst().path("attempts").asInt()).isEqualTo(5);
            assertThat(requestsTo(flaky, phone)).isEqualTo(5);
            assertThat(api.get("/api/v1/messages?status=failed", admin).raw()).contains(messagesOf(giveUp).getFirst().path("id").asString());

            // A permanent refusal is not tried again.
            Appointment invalid = book(cards.findOrCreate(DEMO, new ContactHint(permanent, null, "Ivy Invalid", null)),
                    Instant.now().plus(Duration.ofDays(12)));
            tools.jackson.databind.JsonNode refused = messagesOf(invalid).getFirst();
            assertThat(refused.path("status").asString()).isEqualTo("failed");
            assertThat(refused.path("error").asString()).contains("21211");
            assertThat(refused.path("next_attempt_at").isNull() || refused.path("next_attempt_at").isMissingNode()).isTrue();

            // Twilio back before the retry: sent, on the second try.
            String later = TestPhones.unique();
            Appointment recovers = book(cards.findOrCreate(DEMO, new ContactHint(later, null, "Rae Recovers", null)),
                    Instant.now().plus(Duration.ofDays(13)));
            assertThat(messagesOf(recovers).getFirst().path("status").asString()).isEqualTo("failed");
            down.set(false);
            TenantContext.runAs(DEMO, () -> job.retryDue(Instant.now().plus(Duration.ofMinutes(2))));
            tools.jackson.databind.JsonNode sent = messagesOf(recovers).getFirst();
            assertThat(sent.path("status").asString()).isEqualTo("queued");
            assertThat(sent.path("provider_id").asString()).startsWith("SM");
            assertThat(sent.path("attempts").asInt()).isEqualTo(2);
            assertThat(requestsTo(flaky, later)).isEqualTo(2);

            // Another tenant's scan never touches demo's retries.
            TenantId acme = TenantId.of("acme");
            TenantContext.runAs(acme, () -> job.retryDue(Instant.now().plus(Duration.ofDays(30))));
            assertThat(requestsTo(flaky, phone)).isEqualTo(5);
        }
    }

    private static long requestsTo(LocalHttpServer server, String phone) {
        return server.requests().stream().map(LocalHttpServer.Request::text)
                .map(t -> URLDecoder.decode(t, StandardCharsets.UTF_8)).filter(t -> t.contains("To=" + phone)).count();
    }

    @Test
    void settingsAreForAdminsAndPerTenant() {
        String manager = api.token("manager@demo.local");
        assertThat(api.get("/api/v1/messages/settings", manager).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/messages/settings", manager, "{\"reminders_enabled\":true}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/messages/settings", api.token("csr1@demo.local")).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/messages/settings", admin, "{\"reminder_hours_before\":0}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-message-settings");
        assertThat(api.put("/api/v1/messages/settings", admin, "{\"reminders_enabled\":true,\"reminder_hours_before\":6}").status())
                .isEqualTo(200);
        var acme = api.get("/api/v1/messages/settings", api.token("admin@acme.local"));
        assertThat(acme.status()).isEqualTo(200);
        assertThat(acme.body().path("reminders_enabled").asBoolean()).isFalse();
    }

    private Appointment book(UUID card, Instant around) {
        UUID rep = UUID.fromString(api.get("/api/v1/auth/me", api.token("rep1@demo.local")).body().get("user_id").asString());
        for (int i = 0; ; i++) {
            Instant start = around.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(7L * i + ThreadLocalRandom.current().nextInt(3)));
            try {
                return TenantContext.callAs(DEMO, () -> appointments.book(new NewAppointment(card, rep, null, "Check-up", start,
                        start.plus(Duration.ofMinutes(5)), null, null, null)));
            } catch (ProblemException e) {
                if (i > 50) {
                    throw e;
                }
            }
        }
    }

    private List<tools.jackson.databind.JsonNode> messagesOf(Appointment a) {
        ApiClient.Response r = api.get("/api/v1/messages?appointment_id=" + a.id(), admin);
        assertThat(r.status()).isEqualTo(200);
        List<tools.jackson.databind.JsonNode> list = new ArrayList<>();
        r.body().path("items").forEach(list::add);
        return list;
    }

    private List<String> purposes(Appointment a) {
        return messagesOf(a).stream().map(m -> m.path("purpose").asString()).toList();
    }
}
