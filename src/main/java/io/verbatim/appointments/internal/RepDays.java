package io.verbatim.appointments.internal;

import io.verbatim.appointments.AppointmentsProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A rep's appointments on one day (in the configured zone), as the caller's role lets them see them. */
@Component
class RepDays {

    private final AppointmentStore store;
    private final AppointmentDetails details;
    private final AppointmentsProperties properties;
    private final Clock clock = Clock.systemUTC();

    RepDays(AppointmentStore store, AppointmentDetails details, AppointmentsProperties properties) {
        this.store = store;
        this.details = details;
        this.properties = properties;
    }

    /** @param date null for today */
    List<AppointmentDetails.Detail> day(UUID rep, LocalDate date) {
        AppointmentScope scope = AppointmentScope.current();
        scope.requireRepView(rep);
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(properties.zone()));
        Instant from = day.atStartOfDay(properties.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(properties.zone()).toInstant();
        return store.between(scope.predicate(), scope.me(), rep, from, to, null, null, 200).stream().map(details::of).toList();
    }
}
