package io.verbatim.appointments.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /rep/today}: the signed-in sales rep's appointments of today on a phone-sized page, each with its contact,
 * address, last call summary and property details, and a button that records the visit in the browser
 * ({@code js/rep-today.js}: MediaRecorder, chunks uploaded to the recording-session API as they come). Only sales
 * reps have a day; anyone else gets 403.
 */
@Controller
class RepTodayPage {

    private final RepDays days;

    RepTodayPage(RepDays days) {
        this.days = days;
    }

    @GetMapping("/rep/today")
    String today(Model model) {
        AppointmentScope scope = AppointmentScope.current();
        if (!scope.rep() || scope.me() == null) {
            throw ProblemException.forbidden("The day page is for sales reps");
        }
        List<AppointmentDetails.Detail> appointments = days.day(scope.me(), null);
        model.addAttribute("user", CurrentUser.require());
        model.addAttribute("appointments", appointments);
        return "rep-today";
    }
}
