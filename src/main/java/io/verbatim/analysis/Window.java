package io.verbatim.analysis;

/**
 * Where in the conversation a rule looks; exactly one field is set. Turn windows count the turns of
 * the rule's speaker scope (the agent's first turn, the agent's last two turns); second windows are
 * measured from the start of the conversation and back from its end.
 */
public record Window(Integer firstTurns, Integer lastTurns, Double firstSeconds, Double lastSeconds) {

    public static Window firstTurns(int n) {
        return new Window(n, null, null, null);
    }

    public static Window lastTurns(int n) {
        return new Window(null, n, null, null);
    }

    public static Window firstSeconds(double s) {
        return new Window(null, null, s, null);
    }

    public static Window lastSeconds(double s) {
        return new Window(null, null, null, s);
    }
}
