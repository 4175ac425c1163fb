package io.verbatim.appointments.internal;

import io.verbatim.platform.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/reps/{rep_id}/appointments?date=YYYY-MM-DD}: a rep's day, each appointment with its card. */
@RestController
class RepDayController {

    private final RepDays days;

    RepDayController(RepDays days) {
        this.days = days;
    }

    @GetMapping("/api/v1/reps/{repId}/appointments")
    List<AppointmentDetails.Detail> day(@PathVariable UUID repId, @RequestParam(required = false) String date) {
        return days.day(repId, date == null ? null : parse(date));
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "date must be YYYY-MM-DD");
        }
    }
}
