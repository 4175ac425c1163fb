package io.verbatim.ask;

import java.util.UUID;

/**
 * Which conversations' passages a search may return, by the caller's role: all of the tenant's, an
 * agent's own, or a team's (and unassigned ones).
 */
public record ConversationScope(Kind kind, UUID userId, UUID teamId) {

    public enum Kind { ALL, AGENT, TEAM }

    public ConversationScope {
        if (kind == Kind.AGENT && userId == null || kind == Kind.TEAM && teamId == null) {
            throw new IllegalArgumentException("scope " + kind + " needs its id");
        }
    }

    public static ConversationScope all() {
        return new ConversationScope(Kind.ALL, null, null);
    }

    public static ConversationScope agent(UUID userId) {
        return new ConversationScope(Kind.AGENT, userId, null);
    }

    public static ConversationScope team(UUID teamId) {
        return new ConversationScope(Kind.TEAM, null, teamId);
    }
}
