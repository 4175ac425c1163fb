package io.verbatim.ask;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.WireNames;
import java.util.ArrayList;
import java.util.List;

/** How wide a question looks: the caller's own conversations, their team's, or the whole tenant's. */
public enum AskScope {
    SELF, TEAM, COMPANY;

    @JsonValue
    public String wire() {
        return WireNames.of(this);
    }

    /** The widest scope a role may ask in (and the default when a question names none). */
    public static AskScope widest(Role role) {
        return switch (role) {
            case AGENT -> SELF;
            case MANAGER -> TEAM;
            case ADMIN, EXECUTIVE, PLATFORM_ADMIN -> COMPANY;
        };
    }

    /**
     * The scopes this caller can ask in, narrowest first: up to the role's widest, without {@code self} for
     * an API key (no user) and without {@code team} for someone in no team (a manager without one still has it:
     * it means the tenant for them).
     */
    public static List<AskScope> allowed(CurrentUser user) {
        List<AskScope> scopes = new ArrayList<>();
        for (AskScope scope : values()) {
            if (scope.ordinal() > widest(user.role()).ordinal()
                    || (scope == SELF && user.userId() == null)
                    || (scope == TEAM && user.teamId() == null && user.role() != Role.MANAGER)) {
                continue;
            }
            scopes.add(scope);
        }
        return scopes;
    }

    @JsonCreator
    public static AskScope fromWire(String value) {
        return WireNames.parse(AskScope.class, value, "invalid-scope", "scope");
    }
}
