package io.verbatim.analysis.internal.acts;

import io.verbatim.analysis.ConversationAttributes;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.ingest.transcripts.TranscriptImporters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Development probe: prints every sentence of the given transcripts with its dialogue act and the booking verdict. */
public final class ActProbe {

    public static void main(String[] args) throws Exception {
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        TranscriptImporters importers = new TranscriptImporters();
        for (String file : args) {
            ConversationText text = new ConversationText(importers.read(Files.readAllBytes(Path.of(file))));
            RuleEvaluator rules = new RuleEvaluator(text, ConversationAttributes.unknown(), Map.of(), embedder);
            List<DialogueActs.Tag> tags = DialogueActs.tag(text, rules, new DialogueActs.Settings(0, 0));
            System.out.println("== " + file + " -> " + BookingJudge.judge(text,
                    DialogueActs.tag(text, rules, DialogueActs.Settings.DEFAULT)));
            for (Sentence s : text.sentences()) {
                DialogueActs.Tag t = tags.stream().filter(x -> x.sentence() == s).findFirst().orElse(null);
                System.out.printf("%3d %s %-18s %.2f %.2f  %s%n", s.turn(), s.speaker().wire().charAt(0),
                        t == null ? "" : t.act(), t == null ? 0 : t.score(), t == null ? 0 : t.margin(), s.text());
            }
        }
    }
}
