package io.verbatim.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;
import org.junit.jupiter.api.Test;

/** A rep's iCalendar feed: served without a bearer token to the secret only, parsed back with ical4j; rotation and revocation. */
class CalendarFeedIT extends PlatformTest {

    @Test
    void theFeedServesTheRepsAppointmentsToItsSecretOnly() throws Exception {
        String rep = api.token("rep1@demo.local");
        String repId = api.get("/api/v1/auth/me", rep).body().get("user_id").asString();
        String csrId = api.get("/api/v1/auth/me", api.token("csr1@demo.local")).body().get("user_id").asString();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(ThreadLocalRandom.current().nextInt(200, 3000));
        Instant start = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        var booked = api.post("/api/v1/appointments", api.token("csr1@demo.local"), """
                {"sales_rep_id":"%s","service_type":"Solar estimate","scheduled_start":"%s","scheduled_end":"%s"}"""
                .formatted(repId, start, start.plus(90, ChronoUnit.MINUTES)));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String appointmentId = booked.body().get("appointment").get("id").asString();

        var issued = api.get("/api/v1/reps/" + repId + "/calendar", rep);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(200);
        String url = issued.body().get("url").asString();
        assertThat(url).startsWith(api.base() + "/api/v1/reps/" + repId + "/calendar.ics?token=");
        // Shown again, the same URL; the manager sees it too.
        assertThat(api.get("/api/v1/reps/" + repId + "/calendar", rep).body().get("url").asString()).isEqualTo(url);
        assertThat(api.get("/api/v1/reps/" + repId + "/calendar", api.token("manager@demo.local")).body().get("url").asString())
                .isEqualTo(url);
        String path = URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();

        var feed = api.get(path, null);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.raw()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent event = events.stream().filter(e -> e.<Uid>getProperty(Property.UID).orElseThrow().getValue().equals(appointmentId + "@verbatim"))
                .findFirst().orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo("Solar estimate");
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(start);
        assertThat(Instant.from(event.getDateTimeEnd().getDate())).isEqualTo(start.plus(90, ChronoUnit.MINUTES));
        calendar.validate();

        // The secret opens this rep's feed only; a guessed or another rep's path gets nothing.
        String token = URI.create(url).getRawQuery().substring("token=".length());
        assertThat(api.get("/api/v1/reps/" + csrId + "/calendar.ics?token=" + token, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reps/" + repId + "/calendar.ics?token=x" + token, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reps/" + repId + "/calendar.ics", null).status()).isEqualTo(404);

        // Roles and another tenant.
        assertThat(api.get("/api/v1/reps/" + repId + "/calendar", api.token("exec@demo.local")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reps/" + repId + "/calendar", api.token("csr1@demo.local")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reps/" + repId + "/calendar", api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/reps/" + repId + "/calendar/rotate", api.token("admin@acme.local"), "").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/reps/" + repId + "/calendar", api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(api.get(path, null).status()).isEqualTo(200);

        // Rotating ends the old URL; revoking ends the new one.
        var rotated = api.post("/api/v1/reps/" + repId + "/calendar/rotate", rep, "");
        assertThat(rotated.status()).isEqualTo(200);
        String newUrl = rotated.body().get("url").asString();
        assertThat(newUrl).isNotEqualTo(url);
        assertThat(api.get(path, null).status()).isEqualTo(404);
        String newPath = URI.create(newUrl).getRawPath() + "?" + URI.create(newUrl).getRawQuery();
        assertThat(api.get(newPath, null).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/reps/" + repId + "/calendar", api.token("admin@demo.local")).status()).isEqualTo(204);
        assertThat(api.get(newPath, null).status()).isEqualTo(404);
    }
}
