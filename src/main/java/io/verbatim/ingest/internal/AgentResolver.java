package io.verbatim.ingest.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Matches the agent a source names (a user id, an e-mail, or a name) to a Verbatim user, so the
 * conversation shows up for that agent and their manager. Unmatched agents are kept as given.
 */
@Component
public class AgentResolver {

    private final Users users;

    AgentResolver(Users users) {
        this.users = users;
    }

    public record Resolved(Conversation.Agent agent, UUID teamId) {
    }

    public Resolved resolve(String given) {
        if (given == null || given.isBlank()) {
            return new Resolved(new Conversation.Agent(null, null, null), null);
        }
        String ref = given.strip();
        Optional<User> user = byId(ref).or(() -> ref.contains("@") ? users.findByEmail(ref) : Optional.empty())
                .or(() -> byName(ref));
        return user.map(u -> new Resolved(new Conversation.Agent(u.id(), ref, u.name()), u.teamId()))
                .orElseGet(() -> new Resolved(new Conversation.Agent(null, ref, ref.contains("@") ? null : ref), null));
    }

    private Optional<User> byId(String ref) {
        try {
            return users.find(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A name matches only when exactly one agent has it: guessing between two people would misfile calls. */
    private Optional<User> byName(String name) {
        var page = users.list(new Users.UserFilter(Role.AGENT, null, name, true), null, 10);
        var exact = page.items().stream().filter(u -> u.name().equalsIgnoreCase(name)).toList();
        return exact.size() == 1 ? Optional.of(exact.getFirst()) : Optional.empty();
    }
}
