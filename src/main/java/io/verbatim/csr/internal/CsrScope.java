package io.verbatim.csr.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import java.util.UUID;

/**
 * Who sees which CSR numbers (issue 13, roles): a CSR their own, executives (read-only), managers and admins every
 * CSR; sales reps and shoppers none. The missed-call queue is shared by the tenant's CSRs: anyone may call back a
 * missed caller, whoever's line rang.
 */
record CsrScope(CurrentUser user) {

    static CsrScope current() {
        CsrScope scope = new CsrScope(CurrentUser.require());
        if (scope.user.role() == Role.AGENT && scope.user.agentKind() != AgentKind.CSR) {
            throw ProblemException.forbidden("CSR metrics and the missed-call queue are for CSRs, managers, executives and admins");
        }
        return scope;
    }

    boolean csr() {
        return user.role() == Role.AGENT;
    }

    /** The CSR whose numbers the caller sees, or null for all CSRs. */
    UUID onlyCsr() {
        return csr() ? user.userId() : null;
    }

    /** The executive view is for executives, managers and admins. */
    CsrScope requireOverview() {
        if (csr()) {
            throw ProblemException.forbidden("The executive CSR view is for executives, managers and admins");
        }
        return this;
    }
}
