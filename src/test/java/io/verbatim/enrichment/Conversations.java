package io.verbatim.enrichment;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.util.ArrayList;
import java.util.List;

/** Builds small transcripts for tests: alternating lines "a: ..." / "c: ...", timed at 2.5 words a second. */
final class Conversations {

    /** One enricher for all tests: it loads the OpenNLP models once. */
    static final Enricher ENRICHER = new Enricher();

    private Conversations() {
    }

    static Transcript of(String language, String... lines) {
        List<Turn> turns = new ArrayList<>();
        double t = 0.5;
        for (String line : lines) {
            Speaker speaker = line.startsWith("a:") ? Speaker.AGENT : Speaker.CUSTOMER;
            String text = line.substring(2).strip();
            double seconds = Math.max(0.6, text.split("\\s+").length / 2.5);
            turns.add(new Turn(speaker, speaker.wire(), null, t, t + seconds, text, List.of(), null));
            t += seconds + 0.4;
        }
        return new Transcript(language, "test", t, turns, true);
    }

    static Transcript en(String... lines) {
        return of("en-US", lines);
    }

    static List<String> found(Enrichment e, PiiType type) {
        return e.pii().stream().filter(p -> p.type() == type).map(PiiEntity::text).toList();
    }
}
