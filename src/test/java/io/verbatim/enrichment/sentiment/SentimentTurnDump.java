package io.verbatim.enrichment.sentiment;

import io.verbatim.enrichment.SentimentReport;
import io.verbatim.ingest.transcripts.TranscriptImporters;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Development probe: every customer turn's lexicon score, cue count and VADER valence, for choosing the blend (CSV). */
public final class SentimentTurnDump {

    public static void main(String[] args) throws Exception {
        TranscriptImporters importers = new TranscriptImporters();
        JsonMapper json = JsonMapper.builder().build();
        TurnScorer scorer = new TurnScorer();
        System.out.println("id,gold,trend,k,n,lex,cues,vader,interrupted");
        for (String dir : args) {
            List<Path> files;
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                files = s.filter(p -> p.toString().endsWith(".labels.json")).sorted().toList();
            }
            for (Path lf : files) {
                String id = lf.getFileName().toString().replace(".labels.json", "");
                JsonNode labels = json.readTree(Files.readAllBytes(lf));
                Transcript t = importers.read(Files.readAllBytes(lf.resolveSibling(id + ".json")));
                if (!labels.has("customer_sentiment") || !t.language().startsWith("en")) {
                    continue;
                }
                List<Turn> turns = t.turns();
                List<Integer> cust = java.util.stream.IntStream.range(0, turns.size())
                        .filter(i -> turns.get(i).speaker() == Speaker.CUSTOMER).boxed().toList();
                for (int k = 0; k < cust.size(); k++) {
                    Turn turn = turns.get(cust.get(k));
                    List<SentimentReport.Cue> cues = scorer.cues(turn.text(), Lexicon.CUSTOMER);
                    boolean interrupted = cust.get(k) + 1 < turns.size() && turns.get(cust.get(k) + 1).start() < turn.end();
                    System.out.printf("%s,%s,%s,%d,%d,%.3f,%d,%.3f,%b%n", id, labels.path("customer_sentiment").asString(),
                            labels.path("sentiment_trend").asString(), k, cust.size(), TurnScorer.squash(cues), cues.size(),
                            0.0, interrupted);
                }
            }
        }
    }
}
