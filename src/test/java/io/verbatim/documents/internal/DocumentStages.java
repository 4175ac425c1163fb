package io.verbatim.documents.internal;

import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.StaticEmbedderStages;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** Per-stage times of static processing on DocumentThroughput's documents (a profile, not a benchmark). */
public final class DocumentStages {

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        DocumentProperties properties = new DocumentProperties(DataSize.ofMegabytes(50), 2000, 5_000_000, 900,
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(10), 3);
        TextExtractor extractor = new TextExtractor(properties);
        StaticEmbedderStages statics = new StaticEmbedderStages();
        var docs = DocumentThroughput.generated(count);
        for (int r = 0; r < rounds; r++) {
            long extract = 0, chunk = 0, tokenize = 0, embed = 0, passages = 0, pieces = 0;
            for (var d : docs) {
                long t0 = System.nanoTime();
                var ex = extractor.extract(d.content(), d.filename());
                long t1 = System.nanoTime();
                List<SourcePassage> chunks = PageChunker.chunk(ex.pages(), properties.passageChars());
                long t2 = System.nanoTime();
                List<String> texts = new ArrayList<>(chunks.stream().map(SourcePassage::text).toList());
                pieces += statics.tokenize(texts);
                long t3 = System.nanoTime();
                statics.embedAll(texts);
                long t4 = System.nanoTime();
                extract += t1 - t0; chunk += t2 - t1; tokenize += t3 - t2; embed += t4 - t3; passages += chunks.size();
            }
            System.out.printf("round %2d: extract %6.1f ms  chunk %5.1f ms  word pieces alone %5.1f ms  static embedAll %5.1f ms  (%d passages, %d pieces)%n",
                    r, extract / 1e6, chunk / 1e6, tokenize / 1e6, embed / 1e6, passages, pieces);
        }
    }
}
