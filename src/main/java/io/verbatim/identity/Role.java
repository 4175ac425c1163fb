package io.verbatim.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.verbatim.platform.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user may see and do (DESIGN.md, "Identity and roles"). */
public enum Role {
    /** The operator: every tenant; every cross-tenant access is audited. */
    PLATFORM_ADMIN,
    /** The whole tenant; manages users, sources, credentials, scorecards, webhooks. */
    ADMIN,
    /** The tenant's (or their team's) conversations and analytics; may edit scorecards. */
    MANAGER,
    /** The whole tenant, read-only analytics. */
    EXECUTIVE,
    /** Only conversations where they are the agent, and their own stats. */
    AGENT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    @JsonCreator
    public static Role fromWire(String value) {
        for (Role role : values()) {
            if (role.wire().equals(value)) {
                return role;
            }
        }
        throw ProblemException.badRequest("invalid-role", "Unknown role '" + value + "'; use one of "
                + Arrays.stream(values()).map(Role::wire).collect(Collectors.joining(", ")));
    }

    /** Roles that see every conversation of the tenant. */
    public boolean seesWholeTenant() {
        return this == PLATFORM_ADMIN || this == ADMIN || this == EXECUTIVE;
    }

    public boolean administers() {
        return this == PLATFORM_ADMIN || this == ADMIN;
    }
}
