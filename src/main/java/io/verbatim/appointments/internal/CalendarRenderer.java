package io.verbatim.appointments.internal;

import io.verbatim.appointments.Appointment;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/** A rep's appointments as an RFC 5545 calendar: one VEVENT per appointment, times in UTC, cancelled ones marked so. */
@Component
class CalendarRenderer {

    String render(String calendarName, List<Appointment> appointments) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Verbatim//Appointments//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        for (Appointment a : appointments) {
            VEvent event = new VEvent(a.scheduledStart(), a.scheduledEnd(), title(a));
            event.add(new Uid(a.id() + "@verbatim"));
            event.add(new DtStamp(Instant.now()));
            event.add(new LastModified(a.updatedAt()));
            event.add("cancelled".equals(a.status()) ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
            if (a.notes() != null && !a.notes().isBlank()) {
                event.add(new Description(a.notes()));
            }
            calendar.add(event);
        }
        try {
            var out = new java.io.StringWriter();
            new CalendarOutputter(true).output(calendar, out);
            return out.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String title(Appointment a) {
        String service = a.serviceType() == null || a.serviceType().isBlank() ? "Appointment" : a.serviceType();
        return "no_show".equals(a.status()) ? service + " (no show)" : service;
    }
}
