package io.verbatim.voiceagents;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A voice agent's booking tool call becomes an appointment that references the tenant's service (by name or
 * synonym, with the service's duration), or none and a flag when the service is unknown; once per call; visible to
 * the roles that see the tenant and never to another tenant.
 */
class AgentBookingsIT extends PlatformTest {

    private static final String SECRET = "vapi-bookings-" + UUID.randomUUID();
    private String admin;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        assertThat(api.send("PUT", "/api/v1/credentials/vapi", admin, Map.of(), "{\"secret\":\"" + SECRET + "\"}").status()).isIn(200, 201);
    }

    /** Posts a signed report whose agent called bookAppointment with these arguments; returns the inbound event id. */
    private String report(String arguments) {
        String args = api.json().writeValueAsString(arguments);
        Instant started = Instant.now().minusSeconds(90);
        String body = """
                {"message":{"type":"end-of-call-report","endedReason":"assistant-ended-call","cost":0.09,
                  "startedAt":"%s","endedAt":"%s","assistant":{"id":"asst-bookings","name":"Clinic receptionist"},
                  "customer":{"number":"%s"},"call":{"id":"call-%s","type":"inboundPhoneCall"},
                  "analysis":{"summary":"Booked.","structuredData":{"booking_status":"booked"},"successEvaluation":"true"},
                  "artifact":{"messages":[
                    {"role":"bot","message":"BrightSmile Dental, how can I help?","secondsFromStart":0.5},
                    {"role":"user","message":"I'd like to come in, please.","secondsFromStart":3.0},
                    {"role":"tool_calls","toolCalls":[{"id":"t1","type":"function","function":{"name":"bookAppointment","arguments":%s}}],"secondsFromStart":6.0},
                    {"role":"tool_call_result","toolCallId":"t1","name":"bookAppointment","result":"{\\"ok\\":true}","secondsFromStart":6.5},
                    {"role":"bot","message":"You're all set.","secondsFromStart":7.0}]}}}"""
                .formatted(started, started.plusSeconds(40), LeadScoresIT.phone(), UUID.randomUUID(), args);
        String ts = Long.toString(Instant.now().getEpochSecond());
        var r = api.send("POST", "/api/v1/webhooks/demo-tenant/vapi", null,
                Map.of("x-timestamp", ts, "x-signature", VoiceAgentCallsIT.hmacHex(SECRET, ts + "." + body)), body);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        return r.body().get("id").asString();
    }

    private JsonNode booking(String eventId) throws InterruptedException {
        String conversation = await(() -> api.get("/api/v1/inbound-webhooks/" + eventId, admin).body(),
                e -> "done".equals(e.path("status").asString())).get("conversation_id").asString();
        return await(() -> {
            var r = api.get("/api/v1/agent-bookings/" + conversation, admin);
            return r.status() == 200 ? r.body() : null;
        }, b -> true);
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out; last " + last);
    }

    private static Instant slot() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(200 + ThreadLocalRandom.current().nextInt(2000)));
    }

    @Test
    void bookingReferencesTheMatchedServiceWithItsDurationAndUnknownServicesAreFlagged() throws Exception {
        // A service of this tenant known by a synonym.
        String name = "Hygiene visit " + UUID.randomUUID().toString().substring(0, 6);
        String synonym = "deep clean " + UUID.randomUUID().toString().substring(0, 6);
        var created = api.send("POST", "/api/v1/services", admin, Map.of(),
                "{\"name\":\"" + name + "\",\"duration_minutes\":40,\"price\":80,\"synonyms\":[\"" + synonym + "\"]}");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().get("synonyms").get(0).asString()).isEqualTo(synonym);
        String serviceId = created.body().get("id").asString();

        Instant start = slot();
        JsonNode b = booking(report("{\"service\":\"" + synonym.toUpperCase() + "\",\"start\":\"" + start + "\"}"));
        assertThat(b.get("status").asString()).as(b.toString()).isEqualTo("booked");
        assertThat(b.get("origin").asString()).isEqualTo("tool_call");
        assertThat(b.get("service_id").asString()).isEqualTo(serviceId);
        assertThat(b.get("service_name").asString()).isEqualTo(name);
        assertThat(b.get("flags")).isEmpty();
        JsonNode appointment = api.get("/api/v1/appointments/" + b.get("appointment_id").asString(), admin).body().get("appointment");
        assertThat(appointment.get("service_type").asString()).isEqualTo(name);
        assertThat(Instant.parse(appointment.get("scheduled_start").asString())).isEqualTo(start);
        assertThat(Instant.parse(appointment.get("scheduled_end").asString())).isEqualTo(start.plus(Duration.ofMinutes(40)));
        assertThat(appointment.get("source_conversation_id").asString()).isEqualTo(b.get("conversation_id").asString());

        // A default service by its built-in synonym: the estimate visit's 45 minutes, whatever the call said of its end.
        Instant second = slot();
        JsonNode estimate = booking(report("{\"service\":\"a quote\",\"start\":\"" + second + "\",\"end\":\"" + second.plusSeconds(600) + "\"}"));
        assertThat(estimate.get("service_name").asString()).isEqualTo("Estimate visit");
        assertThat(Instant.parse(estimate.get("scheduled_end").asString())).isEqualTo(second.plus(Duration.ofMinutes(45)));

        // Unknown: booked without a service, and flagged.
        Instant third = slot();
        JsonNode unknown = booking(report("{\"service\":\"balayage deluxe\",\"start\":\"" + third + "\",\"duration_minutes\":50}"));
        assertThat(unknown.get("status").asString()).isEqualTo("booked");
        assertThat(unknown.path("service_id").asString(null)).isNull();
        assertThat(unknown.get("requested_service").asString()).isEqualTo("balayage deluxe");
        assertThat(unknown.get("flags").get(0).asString()).isEqualTo("unknown_service");
        assertThat(Instant.parse(unknown.get("scheduled_end").asString())).isEqualTo(third.plus(Duration.ofMinutes(50)));

        // No time that can be read: nothing booked, said so.
        JsonNode noTime = booking(report("{\"service\":\"consultation\",\"day\":\"friday\"}"));
        assertThat(noTime.get("status").asString()).isEqualTo("no_time");
        assertThat(noTime.path("appointment_id").asString(null)).isNull();

        // Listed for the roles that see the tenant; not for an agent; not for another tenant.
        String conversation = b.get("conversation_id").asString();
        assertThat(api.get("/api/v1/agent-bookings?limit=500", api.token("exec@demo.local")).body().get("items").toString()).contains(conversation);
        assertThat(api.get("/api/v1/agent-bookings/" + conversation, api.token("manager@demo.local")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/agent-bookings", api.token("csr1@demo.local")).status()).isEqualTo(403);
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/agent-bookings/" + conversation, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agent-bookings?limit=500", acme).body().get("items").toString()).doesNotContain(conversation);
    }
}
