package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Tuning aid: the sentences of the labelled calls closest to a set of example utterances. Args: testdata speaker topN example... */
public final class SemanticProbe {

    public static void main(String[] args) {
        Path calls = Path.of(args[0]).resolve("calls");
        Speaker speaker = Speaker.fromWire(args[1]);
        int top = Integer.parseInt(args[2]);
        List<String> examples = Arrays.asList(args).subList(3, args.length);
        SentenceEmbedder e = new MiniLmEmbedder();
        List<float[]> ex = e.embedAll(examples);
        record Scored(String id, Sentence s, double score) { }
        List<Scored> all = new ArrayList<>();
        for (EvalCall call : EvalCall.load(calls)) {
            ConversationText text = new ConversationText(call.transcript());
            List<Sentence> ss = text.sentences().stream().filter(s -> s.speaker() == speaker && s.wordCount() >= 3).toList();
            List<float[]> v = e.embedAll(ss.stream().map(Sentence::text).toList());
            for (int i = 0; i < ss.size(); i++) {
                double best = -1;
                for (float[] x : ex) {
                    best = Math.max(best, SentenceEmbedder.cosine(v.get(i), x));
                }
                all.add(new Scored(call.id(), ss.get(i), best));
            }
        }
        all.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(top)
                .forEach(s -> System.out.printf("%.3f %-8s %2d %s%n", s.score(), s.id(), s.s().turn(), s.s().text()));
    }
}
