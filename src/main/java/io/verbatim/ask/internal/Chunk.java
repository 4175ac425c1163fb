package io.verbatim.ask.internal;

import java.util.List;

/**
 * A window of consecutive turns: what is embedded and indexed.
 *
 * @param seq   position of the chunk in its conversation (0-based)
 * @param turns the turns it covers, in order (a long turn may be split into parts sharing its index)
 */
record Chunk(int seq, List<ChunkTurn> turns, int tokens) {

    Chunk {
        turns = List.copyOf(turns);
    }

    int firstTurn() {
        return turns.getFirst().index();
    }

    int lastTurn() {
        return turns.getLast().index();
    }

    double start() {
        return turns.getFirst().start();
    }

    double end() {
        return turns.stream().mapToDouble(ChunkTurn::end).max().orElse(start());
    }

    /** Speaker-labelled text, one turn a line: what BM25 and the embedding model read. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (ChunkTurn t : turns) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(t.label()).append(": ").append(t.text());
        }
        return sb.toString();
    }

    /** One turn (or part of a long turn) inside a chunk. */
    record ChunkTurn(int index, String speaker, double start, double end, String text) {

        String label() {
            return switch (speaker) {
                case "agent" -> "Agent";
                case "customer" -> "Customer";
                default -> "Speaker";
            };
        }
    }
}
