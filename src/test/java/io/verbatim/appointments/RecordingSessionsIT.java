package io.verbatim.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A rep records a visit in chunks (resumable by offset) and stopping makes it a field_visit conversation. */
class RecordingSessionsIT extends PlatformTest {

    private final HttpClient http = HttpClient.newHttpClient();

    int put(String session, String token, long offset, byte[] chunk) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/recording-sessions/" + session + "/audio"))
                .header("Authorization", "Bearer " + token).header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", "audio/ogg").PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aRepRecordsAVisitInChunksAndStoppingMakesItAFieldVisitOfTheAppointment() throws Exception {
        String rep = api.token("rep1@demo.local");
        String manager = api.token("manager@demo.local");
        String repId = api.get("/api/v1/auth/me", rep).body().get("user_id").asString();
        LocalDate day = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000, 6000));
        Instant start = day.atTime(15, 0).toInstant(ZoneOffset.UTC);
        var booked = api.post("/api/v1/appointments", manager, """
                {"sales_rep_id":"%s","service_type":"roof_inspection","scheduled_start":"%s","scheduled_end":"%s"}"""
                .formatted(repId, start, start.plusSeconds(3600)));
        String appointment = booked.body().get("appointment").get("id").asString();

        String startBody = "{\"appointment_id\":\"" + appointment + "\"}";
        assertThat(api.post("/api/v1/recording-sessions", api.token("exec@demo.local"), startBody).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/recording-sessions", api.token("admin@acme.local"), startBody).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/recording-sessions", api.token("csr2@demo.local"), startBody).status()).isEqualTo(404);
        var started = api.post("/api/v1/recording-sessions", rep, startBody);
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        String session = started.body().get("id").asString();
        assertThat(api.post("/api/v1/recording-sessions/" + session + "/stop", rep, "").problemType())
                .isEqualTo("urn:verbatim:problem:empty-recording");

        byte[] audio = Files.readAllBytes(TestData.call("fs_003.ogg"));
        int third = audio.length / 3;
        assertThat(put(session, rep, 0, Arrays.copyOfRange(audio, 0, third))).isEqualTo(200);
        // A retried or skipped chunk is refused: the client resumes from bytes_received.
        assertThat(put(session, rep, 0, Arrays.copyOfRange(audio, 0, third))).isEqualTo(409);
        assertThat(put(session, rep, 2L * third, Arrays.copyOfRange(audio, 2 * third, audio.length))).isEqualTo(409);
        assertThat(api.get("/api/v1/recording-sessions/" + session, rep).body().get("bytes_received").asLong()).isEqualTo(third);
        assertThat(put(session, api.token("exec@demo.local"), third, Arrays.copyOfRange(audio, third, 2 * third))).isEqualTo(403);
        assertThat(put(session, api.token("admin@acme.local"), third, Arrays.copyOfRange(audio, third, 2 * third))).isEqualTo(404);
        assertThat(put(session, rep, third, Arrays.copyOfRange(audio, third, 2 * third))).isEqualTo(200);
        assertThat(put(session, rep, 2L * third, Arrays.copyOfRange(audio, 2 * third, audio.length))).isEqualTo(200);

        var byAppointment = api.get("/api/v1/recording-sessions?appointment_id=" + appointment, api.token("exec@demo.local"));
        assertThat(byAppointment.status()).isEqualTo(200);
        assertThat(byAppointment.body().get(0).get("bytes_received").asLong()).isEqualTo(audio.length);
        assertThat(api.get("/api/v1/recording-sessions?appointment_id=" + appointment, api.token("admin@acme.local")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/recording-sessions/" + session, api.token("csr2@demo.local")).status()).isEqualTo(404);

        var stopped = api.post("/api/v1/recording-sessions/" + session + "/stop", rep, "");
        assertThat(stopped.status()).as(stopped.raw()).isEqualTo(200);
        assertThat(stopped.body().get("status").asString()).isEqualTo("stopped");
        String conversation = stopped.body().get("conversation_id").asString();
        // Stopping again changes nothing.
        assertThat(api.post("/api/v1/recording-sessions/" + session + "/stop", rep, "").body().get("conversation_id").asString())
                .isEqualTo(conversation);
        var c = api.get("/api/v1/conversations/" + conversation, rep);
        assertThat(c.status()).as(c.raw()).isEqualTo(200);
        JsonNode visit = c.body().get("conversation");
        assertThat(visit.get("channel").asString()).isEqualTo("field_visit");
        assertThat(visit.get("agent").get("user_id").asString()).isEqualTo(repId);
        assertThat(visit.get("input").get("bytes").asLong()).isEqualTo(audio.length);
        assertThat(visit.get("attributes").get("appointment_id").asString()).isEqualTo(appointment);
        assertThat(api.get("/api/v1/conversations/" + conversation, api.token("admin@acme.local")).status()).isEqualTo(404);
    }
}
