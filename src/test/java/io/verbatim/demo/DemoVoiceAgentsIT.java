package io.verbatim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The demo's voice agents arrive through the real webhook endpoints, once: two assistants with their calls, the
 * bookings their agents made (one referencing a service, one flagged), and callers to call back.
 */
class DemoVoiceAgentsIT extends PlatformTest {

    @Autowired
    DemoVoiceAgents demo;
    @Autowired
    DemoMessages demoMessages;

    private static <T> T await(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out; last " + last);
    }

    private JsonNode assistant(String token, String providerId) {
        for (JsonNode a : api.get("/api/v1/assistants", token).body().get("items")) {
            if (providerId.equals(a.get("provider_assistant_id").asString())) {
                return a;
            }
        }
        return null;
    }

    @Test
    void twoAssistantsWithCallsBookingsAndCallBacksArriveThroughTheWebhooksOnce() throws Exception {
        String admin = api.token("admin@demo.local");
        // As on a fresh demo start: SMS confirmations on, and no SMS provider (other tests may have left one).
        api.delete("/api/v1/credentials/twilio", admin);
        assertThat(api.put("/api/v1/messages/settings", admin,
                "{\"confirmations_enabled\":true,\"reminders_enabled\":false,\"channel\":\"sms\"}").status()).isEqualTo(200);
        assertThat(demoMessages.enableConfirmations()).as("settings saved before are left as they are").isFalse();
        try {
            loadAndCheck(admin);
        } finally {
            api.put("/api/v1/messages/settings", admin, "{\"confirmations_enabled\":false,\"reminders_enabled\":false}");
        }
    }

    private void loadAndCheck(String admin) throws Exception {
        assertThat(demo.load()).isEqualTo(4);
        assertThat(demo.load()).as("posted again: every report is a duplicate").isZero();

        JsonNode clinic = await(() -> assistant(admin, "demo-clinic-receptionist"), a -> a.get("metrics").get("calls").asLong() == 2);
        JsonNode salon = await(() -> assistant(admin, "demo-salon-receptionist"), a -> a.get("metrics").get("calls").asLong() == 2);
        assertThat(clinic.get("provider").asString()).isEqualTo("vapi");
        assertThat(clinic.get("name").asString()).isEqualTo("Nora (clinic receptionist)");
        assertThat(salon.get("provider").asString()).isEqualTo("retell");

        JsonNode bookings = await(() -> api.get("/api/v1/agent-bookings?limit=500", admin).body().get("items"),
                items -> items.toString().contains("New client appointment") && items.toString().contains("cut and full color"));
        for (JsonNode b : bookings) {
            if ("cut and full color".equals(b.path("requested_service").asString(null))) {
                assertThat(b.get("status").asString()).isEqualTo("booked");
                assertThat(b.get("flags").get(0).asString()).isEqualTo("unknown_service");
            }
            if ("New client appointment".equals(b.path("service_name").asString(null))) {
                assertThat(b.get("status").asString()).isEqualTo("booked");
                assertThat(Duration.between(Instant.parse(b.get("scheduled_start").asString()),
                        Instant.parse(b.get("scheduled_end").asString()))).isEqualTo(Duration.ofMinutes(60));
            }
        }

        JsonNode callBack = await(() -> api.get("/api/v1/call-back-first?limit=500", admin).body().get("items"),
                items -> items.toString().contains("Patricia Gallagher") && items.toString().contains("+16465550128"));
        assertThat(callBack.toString()).doesNotContain("Omar Haddad");

        assertThat(assistant(api.token("admin@acme.local"), "demo-clinic-receptionist")).isNull();

        // Each booking's confirmation is on the messages log, honestly unsent: the demo has no SMS provider.
        int confirmed = 0;
        for (JsonNode b : bookings) {
            boolean demoBooking = "cut and full color".equals(b.path("requested_service").asString(null))
                    || "New client appointment".equals(b.path("service_name").asString(null));
            if (!demoBooking) {
                continue; // another test's booking, made while confirmations were off
            }
            confirmed++;
            String appointment = b.get("appointment_id").asString();
            JsonNode messages = await(() -> api.get("/api/v1/messages?appointment_id=" + appointment, admin).body().get("items"),
                    items -> !items.isEmpty());
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).get("purpose").asString()).isEqualTo("confirmation");
            assertThat(messages.get(0).get("status").asString()).isEqualTo("not_sent");
            assertThat(messages.get(0).get("error").asString()).contains("No SMS provider configured");
            assertThat(messages.get(0).get("body").asString()).contains("is confirmed for");
            assertThat(api.get("/api/v1/messages?appointment_id=" + appointment, api.token("admin@acme.local")).body()
                    .get("items")).isEmpty();
        }
        assertThat(confirmed).isEqualTo(2);
        assertThat(api.get("/api/v1/messages?status=not_sent", admin).body().get("items")).isNotEmpty();
    }
}
