package io.verbatim.conversations;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import java.util.UUID;

/**
 * Which of the tenant's conversations a caller may see (DESIGN.md roles): agents their own,
 * managers their team's plus those not assigned to any team yet (someone has to triage them; the
 * whole tenant when the manager has no team), everyone else the tenant.
 * Queries add {@link #sqlPredicate()} so the rule is applied in the database, not by filtering after.
 */
public record Visibility(Scope scope, UUID userId, UUID teamId) {

    public enum Scope { TENANT, TEAM, OWN }

    public static Visibility of(CurrentUser user) {
        if (user.role() == Role.AGENT) {
            return new Visibility(Scope.OWN, user.userId(), null);
        }
        if (user.role() == Role.MANAGER && user.teamId() != null) {
            return new Visibility(Scope.TEAM, null, user.teamId());
        }
        return new Visibility(Scope.TENANT, null, null);
    }

    public static Visibility current() {
        return of(CurrentUser.require());
    }

    /** A predicate on the conversations table (alias {@code c}) using the named parameter {@code :visible_id}. */
    public String sqlPredicate() {
        return switch (scope) {
            case TENANT -> "TRUE";
            case TEAM -> "(c.team_id = CAST(:visible_id AS uuid) OR c.team_id IS NULL)";
            case OWN -> "c.agent_user_id = CAST(:visible_id AS uuid)";
        };
    }

    public UUID parameter() {
        return switch (scope) {
            case TENANT -> null;
            case TEAM -> teamId;
            case OWN -> userId;
        };
    }
}
