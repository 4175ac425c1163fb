package io.verbatim.insights.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import java.util.UUID;

/**
 * Who sees which sales reps' figures (issue 13, roles): a sales rep only their own, executives, managers and admins
 * every rep of the tenant; CSRs and shoppers none (their numbers are on the CSR dashboards). Checked here once.
 */
record SalesScope(CurrentUser user) {

    static SalesScope current() {
        return new SalesScope(CurrentUser.require());
    }

    boolean rep() {
        return user.role() == Role.AGENT && user.agentKind() == AgentKind.SALES_REP;
    }

    /** The one rep the caller may see, or null when they see every rep. */
    UUID onlyRep() {
        if (rep()) {
            return user.userId();
        }
        if (user.role() == Role.AGENT) {
            throw ProblemException.forbidden("Sales figures are for sales reps, managers, executives and admins");
        }
        return null;
    }

    /** The rep themself, or whoever sees every rep. */
    void requireRep(UUID rep) {
        UUID only = onlyRep();
        if (only != null && !only.equals(rep)) {
            throw ProblemException.forbidden("A sales rep sees only their own figures");
        }
    }
}
