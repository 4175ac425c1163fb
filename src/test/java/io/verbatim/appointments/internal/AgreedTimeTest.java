package io.verbatim.appointments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreedTimeTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    private static AgreedTime.Line agent(String text) {
        return new AgreedTime.Line(true, text);
    }

    private static AgreedTime.Line customer(String text) {
        return new AgreedTime.Line(false, text);
    }

    @Test
    void aWindowTodayInWordsIsReadAsAfternoonHours() {
        // csr_008: the call is at 11:34 in New York.
        var slot = AgreedTime.find(List.of(
                agent("I have a technician who can be there between one and three this afternoon. Does that work?"),
                customer("Today? Yeah. Yes. Please."),
                agent("Great, I've got you booked."),
                agent("Is two one five, five five five, zero one four four still the best number?"),
                agent("He'll call you when he's thirty minutes out.")),
                Instant.parse("2026-10-13T15:34:00Z"), NEW_YORK, TWO_HOURS);
        assertThat(slot.start()).isEqualTo(Instant.parse("2026-10-13T17:00:00Z"));
        assertThat(slot.end()).isEqualTo(Instant.parse("2026-10-13T19:00:00Z"));
        assertThat(slot.turn()).isZero();
    }

    @Test
    void aNamedDateAndHourTakeTheDefaultLength() {
        // va_002: the rebooking names the date with an ordinal in words, and a later turn says when it ends.
        var slot = AgreedTime.find(List.of(
                customer("Okay, let's do Wednesday at five."),
                agent("Done. I've moved your cut and full color with Jasmine to Wednesday, October twenty-first, at five p.m."),
                agent("It adds about fifteen minutes, so you'd finish around seven forty-five.")),
                Instant.parse("2026-10-15T19:25:00Z"), NEW_YORK, TWO_HOURS);
        assertThat(slot.start()).isEqualTo(Instant.parse("2026-10-21T21:00:00Z"));
        assertThat(slot.end()).isEqualTo(Instant.parse("2026-10-21T23:00:00Z"));
        assertThat(slot.turn()).isEqualTo(1);
    }

    @Test
    void tomorrowMorningAndAWeekdayAreRelativeToTheCall() {
        Instant call = Instant.parse("2026-10-15T14:00:00Z"); // a Thursday
        var tomorrow = AgreedTime.find(List.of(agent("We can come tomorrow at 9 a.m.")), call, ZoneId.of("UTC"), TWO_HOURS);
        assertThat(tomorrow.start()).isEqualTo(Instant.parse("2026-10-16T09:00:00Z"));
        var monday = AgreedTime.find(List.of(agent("How about Monday, from 10 to 11:30 am?")), call, ZoneId.of("UTC"), TWO_HOURS);
        assertThat(monday.start()).isEqualTo(Instant.parse("2026-10-19T10:00:00Z"));
        assertThat(monday.end()).isEqualTo(Instant.parse("2026-10-19T11:30:00Z"));
    }

    @Test
    void aCallWithoutATimeProposesNone() {
        assertThat(AgreedTime.find(List.of(agent("I'll email you the rebate information."),
                customer("Call me at 5 5 5 0 1 4 4 if anything.")), Instant.parse("2026-10-15T14:00:00Z"),
                ZoneId.of("UTC"), TWO_HOURS)).isNull();
    }
}
