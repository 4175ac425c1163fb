package io.verbatim.ask.internal;

import io.verbatim.ask.Citation;
import io.verbatim.ask.internal.ChunkDocuments.StoredTurn;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A retrieved chunk, ready to cite.
 *
 * @param best    the turn of the chunk that best matches the question (index into {@code turns})
 * @param matched whether {@code best} shares words with the question (else it is a guess until refined)
 */
record Passage(String id, UUID conversationId, double score, Instant at, String agentName, String channel,
               List<StoredTurn> turns, int best, boolean matched) {

    StoredTurn bestTurn() {
        return turns.get(best);
    }

    Passage withBest(int newBest) {
        return new Passage(id, conversationId, score, at, agentName, channel, turns, newBest, true);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (StoredTurn t : turns) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(label(t.s())).append(": ").append(t.x());
        }
        return sb.toString();
    }

    Citation citation(List<String> terms) {
        StoredTurn t = bestTurn();
        return new Citation(conversationId, t.i(), t.t(), t.s(), Quotes.excerpt(t.x(), terms), id);
    }

    static String label(String speaker) {
        return switch (speaker) {
            case "agent" -> "Agent";
            case "customer" -> "Customer";
            default -> "Speaker";
        };
    }
}
