package io.verbatim.analysis;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;

/** Builds small transcripts for tests: {@code Calls.of("agent", 0, 4, "Hello...", "customer", 4.5, 8, "Hi...")}. */
public final class Calls {

    private Calls() {
    }

    public static Transcript of(Object... spec) {
        return in("en-US", spec);
    }

    public static Transcript in(String language, Object... spec) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < spec.length; i += 4) {
            turns.add(new Turn(Speaker.fromWire((String) spec[i]), (String) spec[i], null, ((Number) spec[i + 1]).doubleValue(),
                    ((Number) spec[i + 2]).doubleValue(), (String) spec[i + 3], List.of(), null));
        }
        double end = turns.isEmpty() ? 0 : turns.get(turns.size() - 1).end();
        return new Transcript(language, "test", end, turns, true);
    }
}
