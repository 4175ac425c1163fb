package io.verbatim.appointments.internal;

import io.verbatim.appointments.Appointment;
import io.verbatim.identity.AgentKind;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import java.util.UUID;

/**
 * Who sees and changes which appointments (issue 13, roles): a sales rep only those assigned to them, a CSR those
 * they booked, executives all read-only, managers and admins all with write access; shoppers none. Checked here
 * once and applied in the database as a predicate on {@code appointments a}.
 */
record AppointmentScope(CurrentUser user) {

    static AppointmentScope current() {
        return new AppointmentScope(CurrentUser.require());
    }

    boolean rep() {
        return user.role() == Role.AGENT && user.agentKind() == AgentKind.SALES_REP;
    }

    boolean csr() {
        return user.role() == Role.AGENT && user.agentKind() == AgentKind.CSR;
    }

    /** The caller's user id (null for an API key). */
    UUID me() {
        return user.userId();
    }

    /** Refuses callers with no appointments at all (shoppers). */
    AppointmentScope requireReader() {
        if (user.role() == Role.AGENT && !rep() && !csr()) {
            throw ProblemException.forbidden("Appointments are for CSRs, sales reps, managers, executives and admins");
        }
        return this;
    }

    String predicate() {
        requireReader();
        if (rep()) {
            return "a.sales_rep_id = CAST(:me AS uuid)";
        }
        if (csr()) {
            return "a.booked_by_id = CAST(:me AS uuid)";
        }
        return "TRUE";
    }

    boolean sees(Appointment a) {
        requireReader();
        if (rep()) {
            return a.salesRepId().equals(me());
        }
        if (csr()) {
            return me().equals(a.bookedById());
        }
        return true;
    }

    /** CSRs book (as themselves), managers and admins book for anybody; executives and reps read. */
    void requireBooker() {
        requireReader();
        if (user.role() == Role.EXECUTIVE || rep()) {
            throw ProblemException.forbidden("Only CSRs, managers and admins book appointments");
        }
    }

    /** A rep updates their own appointments (status, outcome, deal value); managers and admins any; nobody else. */
    void requireUpdater(Appointment a) {
        if (user.role() == Role.EXECUTIVE || csr()) {
            throw ProblemException.forbidden("Executives and CSRs may not change appointments");
        }
        if (rep() && !a.salesRepId().equals(me())) {
            throw ProblemException.notFound("Appointment " + a.id());
        }
    }

    /** Only the rep themselves, or whoever sees every rep, looks at a rep's day or calendar feed. */
    void requireRepView(UUID rep) {
        requireReader();
        if (rep() && !rep.equals(me())) {
            throw ProblemException.forbidden("A sales rep sees only their own appointments");
        }
    }

    boolean administers() {
        return user.role().administers() || user.role() == Role.MANAGER;
    }
}
