package io.verbatim.ask.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every chunk of a conversation carries as filter fields: who, when, where, and what the
 * analysis found (categories, objections), when it has run.
 *
 * @param at             when the conversation happened (its start, else when it was received)
 * @param categories     call reason and categories from the analysis (empty before analysis)
 * @param objections     objection categories from the analysis
 * @param objectionTurns the turns the analysis marked as objections, with their categories
 */
record ConversationFacts(UUID conversationId, String tenant, UUID agentUserId, String agentName, UUID teamId, Instant at,
                         String channel, String direction, List<String> tags, List<String> categories,
                         List<String> objections, String sentiment, Map<Integer, List<String>> objectionTurns) {

    ConversationFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
        categories = categories == null ? List.of() : List.copyOf(categories);
        objections = objections == null ? List.of() : List.copyOf(objections);
        objectionTurns = objectionTurns == null ? Map.of() : Map.copyOf(objectionTurns);
    }
}
