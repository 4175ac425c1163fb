package io.verbatim.analysis;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Direction;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the analyst knows about a conversation besides its words: used to choose a scorecard and by
 * {@code attribute} and {@code agent_name} rules.
 *
 * @param channel   where it happened (null = unknown)
 * @param direction inbound / outbound / in person (null = unknown)
 * @param tags      free tags (lower-cased), e.g. {@code csr}, {@code mystery_shop}
 * @param agentName the agent's display name when known ("Maria Santos", "Mia (AI assistant, Luxe Hair)"), else null
 */
public record ConversationAttributes(Channel channel, Direction direction, Set<String> tags, String agentName) {

    public ConversationAttributes {
        tags = tags == null ? Set.of()
                : tags.stream().filter(t -> t != null && !t.isBlank())
                        .map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static ConversationAttributes unknown() {
        return new ConversationAttributes(null, null, Set.of(), null);
    }

    public ConversationAttributes withTags(Set<String> newTags) {
        return new ConversationAttributes(channel, direction, newTags, agentName);
    }
}
